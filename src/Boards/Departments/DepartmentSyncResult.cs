namespace GatewayPortal.Boards.Departments;

/// <summary>What a department sync changed.</summary>
/// <param name="Created">Boards created.</param>
/// <param name="Renamed">Boards renamed.</param>
/// <param name="Archived">Boards archived (department gone).</param>
/// <param name="Restored">Archived boards whose department came back.</param>
/// <param name="Skipped">Entries with an unusable code.</param>
public sealed record DepartmentSyncResult(int Created, int Renamed, int Archived, int Restored, int Skipped);
