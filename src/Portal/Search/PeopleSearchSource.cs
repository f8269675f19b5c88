using System.Runtime.CompilerServices;
using GatewayPortal.Identity.Directory;
using GatewayPortal.Search.Documents;
using GatewayPortal.Search.Indexing;

namespace GatewayPortal.Portal.Search;

/// <summary>The staff directory: every enabled person in the directory, visible to every signed-in member of staff.</summary>
public sealed class PeopleSearchSource(IDirectoryService directory) : ISearchSource
{
    /// <inheritdoc/>
    public string Name => SearchSources.Person;

    /// <inheritdoc/>
    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IReadOnlyList<DirectoryPerson> people;
        try
        {
            people = await directory.ListPeopleAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DirectoryUnavailableException ex)
        {
            throw new SearchSourceUnavailableException("The staff directory cannot be read.", ex);
        }

        foreach (var person in people)
        {
            yield return ToDocument(person);
        }
    }

    /// <summary>The search document of one person: name as the title, department and position as headings.</summary>
    public static SearchDocument ToDocument(DirectoryPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new SearchDocument
        {
            Id = "person:" + person.SubjectId,
            Source = SearchSources.Person,
            Title = person.DisplayName,
            Headings = [.. new[] { person.Department, person.Title, person.Grade }.OfType<string>()],
            Body = string.Join(' ', new[] { person.Username, person.Email, person.Phone, person.EmployeeNumber }.OfType<string>()),
            Url = "/people/" + Uri.EscapeDataString(person.Username),
            Breadcrumb = person.Department,
            AllowedPrincipals = [SearchPrincipals.Everyone],
        };
    }
}
