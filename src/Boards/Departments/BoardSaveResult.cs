namespace GatewayPortal.Boards.Departments;

/// <summary>The outcome of saving a custom board.</summary>
/// <param name="Errors">Problems (field, code, subject); empty when saved.</param>
public sealed record BoardSaveResult(IReadOnlyList<BoardFieldError> Errors)
{
    /// <summary>Saved.</summary>
    public bool Succeeded => Errors.Count == 0;
}
