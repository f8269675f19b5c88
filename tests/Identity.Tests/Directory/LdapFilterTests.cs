using GatewayPortal.Identity.Directory;

namespace GatewayPortal.Identity.Tests.Directory;

public sealed class LdapFilterTests
{
    private const string DefaultFilter = "(|(employeeType=휴직)(employeeType=퇴직))";

    [Theory]
    // The default filter, as LdapOptions ships it.
    [InlineData(DefaultFilter, "employeeType=퇴직", true)]
    [InlineData(DefaultFilter, "employeeType=휴직", true)]
    [InlineData(DefaultFilter, "employeeType=재직", false)]
    [InlineData(DefaultFilter, "uid=kim.minsu", false)]
    [InlineData(DefaultFilter, "", false)]
    [InlineData(DefaultFilter, "employeeType= 퇴직 ", true)]
    [InlineData(DefaultFilter, "EMPLOYEETYPE=퇴직", true)]
    [InlineData(DefaultFilter, "employeeType=재직;employeeType=퇴직", true)]
    [InlineData(DefaultFilter, "employeeType=퇴직자", false)]
    [InlineData(DefaultFilter, "employeeType=\u1110\u116C\u110C\u1175\u11A8", true)]
    [InlineData("(EmployeeType=퇴직)", "employeeType=퇴직", true)]
    // caseIgnoreMatch: case, surrounding and repeated spaces do not matter.
    [InlineData("(employeeType=Retired)", "employeeType=RETIRED", true)]
    [InlineData("(employeeType=Retired)", "employeeType=Retire", false)]
    [InlineData("(title=Team  Lead)", "title= team lead", true)]
    [InlineData("(title=Team Lead)", "title=TeamLead", false)]
    // and, or, not, nested.
    [InlineData("(&(employeeType=퇴직)(ou=총무과))", "employeeType=퇴직;ou=총무과", true)]
    [InlineData("(&(employeeType=퇴직)(ou=총무과))", "employeeType=퇴직;ou=재무과", false)]
    [InlineData("(&(employeeType=퇴직)(ou=총무과))", "employeeType=퇴직", false)]
    [InlineData("(!(employeeType=재직))", "employeeType=퇴직", true)]
    [InlineData("(!(employeeType=재직))", "employeeType=재직", false)]
    [InlineData("(!(employeeType=재직))", "", true)]
    [InlineData("(&(objectClass=*)(|(employeeType=휴직)(!(employeeType=*))))", "objectClass=inetOrgPerson", true)]
    [InlineData("(&(objectClass=*)(|(employeeType=휴직)(!(employeeType=*))))", "objectClass=inetOrgPerson;employeeType=재직", false)]
    [InlineData("(&(objectClass=*)(|(employeeType=휴직)(!(employeeType=*))))", "objectClass=inetOrgPerson;employeeType=휴직", true)]
    [InlineData("(|(&(ou=총무과)(title=과장))(!(|(mail=*)(uid=*))))", "ou=총무과;title=과장;mail=a@b", true)]
    [InlineData("(|(&(ou=총무과)(title=과장))(!(|(mail=*)(uid=*))))", "ou=총무과;title=주무관;mail=a@b", false)]
    [InlineData("(|(&(ou=총무과)(title=과장))(!(|(mail=*)(uid=*))))", "ou=총무과", true)]
    // RFC 4515 escapes, hex digits in either case, UTF-8 byte by byte.
    [InlineData(@"(cn=a\2ab)", "cn=a*b", true)]
    [InlineData(@"(cn=a\2Ab)", "cn=ab", false)]
    [InlineData(@"(cn=\28x\29)", "cn=(x)", true)]
    [InlineData(@"(cn=back\5cslash)", @"cn=back\slash", true)]
    [InlineData(@"(employeeType=\ed\87\b4\ec\a7\81)", "employeeType=퇴직", true)]
    [InlineData(@"(employeeType=\ED\87\B4직)", "employeeType=퇴직", true)]
    // Presence.
    [InlineData("(mail=*)", "mail=kim.minsu@cityhall.example", true)]
    [InlineData("(mail=*)", "uid=kim.minsu", false)]
    [InlineData("(pwdAccountLockedTime=*)", "PWDACCOUNTLOCKEDTIME=000001010000Z", true)]
    public void Matches_FilterAndEntry_IsExpected(string filter, string entry, bool expected)
    {
        // Arrange
        var parsed = Assert.IsType<LdapFilter>(LdapFilter.TryParse(filter));

        // Act
        var matches = parsed.Matches(Entry(entry));

        // Assert
        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("(userAccountControl:1.2.840.113556.1.4.803:=2)")]
    [InlineData("(&(objectCategory=person)(userAccountControl:1.2.840.113556.1.4.803:=2))")]
    [InlineData("(|(employeeType=휴직)(employeeType:caseExactMatch:=퇴직))")]
    [InlineData("(employeeType:=퇴직)")]
    [InlineData("(employeeType=퇴*)")]
    [InlineData("(employeeType=*직)")]
    [InlineData("(employeeType>=a)")]
    [InlineData("(employeeType<=a)")]
    [InlineData("(employeeType~=퇴직)")]
    [InlineData("(memberOf=cn=blocked,ou=groups,dc=cityhall,dc=example)")]
    [InlineData("(objectClass=person)")]
    [InlineData("(userAccountControl=514)")]
    [InlineData("(2.5.4.3=kim)")]
    [InlineData("(cn;lang-ko=김민수)")]
    [InlineData("(name=*)")]
    [InlineData("(&)")]
    [InlineData("(|)")]
    [InlineData("(!)")]
    [InlineData(@"(cn=a\zz)")]
    [InlineData(@"(cn=a\2)")]
    [InlineData(@"(cn=\ff)")]
    [InlineData(@"(cn=a\00b)")]
    [InlineData("(cn=)")]
    [InlineData("(cn=  )")]
    [InlineData("(|(employeeType=휴직)(employeeType=퇴직)")]
    [InlineData("(cn=x))")]
    [InlineData("(cn=x)(cn=y)")]
    [InlineData("employeeType=퇴직")]
    [InlineData("( cn=x)")]
    [InlineData("(& (cn=x))")]
    [InlineData("(=x)")]
    [InlineData("()")]
    [InlineData("(")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_NotLocallyEvaluable_ReturnsNull(string? filter)
    {
        // Arrange
        // Act
        var parsed = LdapFilter.TryParse(filter);

        // Assert
        Assert.Null(parsed);
    }

    [Fact]
    public void TryParse_DefaultFilter_IsOrOfTwoEqualities()
    {
        // Arrange
        // Act
        var parsed = LdapFilter.TryParse(DefaultFilter);

        // Assert
        Assert.Equal(LdapFilterKind.Or, parsed!.Kind);
        Assert.All(parsed.Operands, o => Assert.Equal(LdapFilterKind.Equality, o.Kind));
        Assert.Equal(["휴직", "퇴직"], parsed.Operands.Select(o => o.Value));
        Assert.Equal(["employeeType"], parsed.Attributes);
    }

    [Fact]
    public void Attributes_RepeatedInOtherCase_AreListedOnce()
    {
        // Arrange
        var parsed = LdapFilter.TryParse("(&(EMPLOYEETYPE=a)(!(employeeType=b))(|(ou=c)(mail=*)))");

        // Act
        var attributes = parsed!.Attributes;

        // Assert
        Assert.Equal(["EMPLOYEETYPE", "ou", "mail"], attributes);
    }

    [Fact]
    public void TryParse_NestedTooDeep_ReturnsNull()
    {
        // Arrange
        var filter = string.Concat(Enumerable.Repeat("(!", 40)) + "(cn=x)" + new string(')', 40);

        // Act
        var parsed = LdapFilter.TryParse(filter);

        // Assert
        Assert.Null(parsed);
    }

    [Theory]
    [InlineData("퇴직", "퇴직")]
    [InlineData("  퇴직\t", "퇴직")]
    [InlineData("Team \t Lead", "Team Lead")]
    [InlineData("a\u3000b", "a b")]
    [InlineData("\u1110\u116C\u110C\u1175\u11A8", "퇴직")]
    [InlineData("ｆｕｌｌ", "full")]
    [InlineData("", "")]
    public void NormalizeValue_DirectoryString_IsNfkcTrimmedWithSingleSpaces(string value, string expected)
    {
        // Arrange
        // Act
        var normalized = LdapFilter.NormalizeValue(value);

        // Assert
        Assert.Equal(expected, normalized);
    }

    // "a=1;a=2;b=3": attribute a with values 1 and 2, attribute b with value 3.
    private static Dictionary<string, IReadOnlyList<string>> Entry(string attributes) =>
        attributes.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .GroupBy(pair => pair[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(pair => pair[1])], StringComparer.Ordinal);
}
