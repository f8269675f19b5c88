namespace GatewayPortal.Tools.OrgGen;

/// <summary>Generates a deterministic city-hall organisation: the same users and seed give the same result.</summary>
public static class OrganizationGenerator
{
    /// <summary>The smallest supported number of people (demo accounts included).</summary>
    public const int MinUsers = 10;

    /// <summary>The largest supported number of people.</summary>
    public const int MaxUsers = 1_000_000;

    /// <summary>The seed the test fixtures and demo data use.</summary>
    public const int DefaultSeed = 20261123;

    /// <summary>Generates an organisation of <paramref name="users"/> people (demo accounts included).</summary>
    public static Organization Generate(int users, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(users, MinUsers);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(users, MaxUsers);
        return new OrganizationBuilder(users, seed).Build();
    }
}
