namespace GatewayPortal.Boards.Departments;

/// <summary>A problem with a board form field.</summary>
/// <param name="Field">Key, NameKo, NameEn, Readers, Posters, Managers.</param>
/// <param name="Code">InvalidKey, KeyTaken, KeyReserved, NameRequired, NameTooLong, TooManyGroups, UnknownGroup, DirectoryUnavailable, NotFound, NotCustom.</param>
/// <param name="Subject">The group the problem is about, if any.</param>
public sealed record BoardFieldError(string Field, string Code, string? Subject = null);
