using System.Security.Claims;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Identity.OrgChart;
using GatewayPortal.Identity.SignIn;

namespace GatewayPortal.Portal.Components.Pages.Account;

/// <summary>
/// Turns the session's group ids into what they mean: a department group (<c>dept-{code}</c>) is named from the org chart,
/// any other group by its directory description. Departments come first, then the rest by name.
/// </summary>
public static class ProfileGroups
{
    private const string DepartmentPrefix = "dept-";

    /// <summary>The person's groups with display names; without the directory, department groups still get their names.</summary>
    public static async Task<IReadOnlyList<ProfileGroup>> ReadAsync(
        ClaimsPrincipal user, IDirectoryService directory, OrgChartSnapshot? chart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(directory);
        var ids = user.FindAll(PortalClaimTypes.Group).Select(c => c.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var descriptions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (ids.Count > 0 && user.FindFirstValue(PortalClaimTypes.Subject) is { } subject)
        {
            try
            {
                var person = await directory.FindUserBySubjectAsync(subject, cancellationToken).ConfigureAwait(false);
                foreach (var group in person?.Groups ?? [])
                {
                    if (!string.IsNullOrWhiteSpace(group.Description))
                    {
                        descriptions.TryAdd(group.Name, group.Description.Trim());
                    }
                }
            }
            catch (DirectoryUnavailableException)
            {
                // The page still works from the org chart; other groups then show their ids.
            }
        }

        return [.. ids.Select(id => Describe(id, descriptions, chart))
            .OrderBy(g => g.DepartmentCode is null)
            .ThenBy(g => g.DisplayName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("ko-KR"), false))];
    }

    private static ProfileGroup Describe(string id, Dictionary<string, string> descriptions, OrgChartSnapshot? chart)
    {
        if (id.StartsWith(DepartmentPrefix, StringComparison.OrdinalIgnoreCase)
            && chart?.FindDepartment(id[DepartmentPrefix.Length..]) is { } department)
        {
            return new ProfileGroup(id, department.FullName, department.Code);
        }

        return new ProfileGroup(id, descriptions.GetValueOrDefault(id) ?? id, null);
    }
}
