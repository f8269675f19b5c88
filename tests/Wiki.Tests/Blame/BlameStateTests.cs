using GatewayPortal.Wiki.Blame;

namespace GatewayPortal.Wiki.Tests.Blame;

public sealed class BlameStateTests
{
    [Fact]
    public void Serialize_RunsOfSameRevision_AreCompactAndRoundTrip()
    {
        // Arrange: 1,000 lines from 3 revisions with large ids
        var origins = Enumerable.Repeat(5_000_000_000L, 500).Concat(Enumerable.Repeat(7L, 499)).Append(300L).ToArray();
        var state = BlameState.FromOrigins(origins);

        // Act
        var data = state.Serialize();

        // Assert
        Assert.True(data.Length < 20, $"{data.Length} bytes");
        Assert.Equal(origins, BlameState.Deserialize(data).Origins);
    }

    [Fact]
    public void Deserialize_Empty_IsEmptyState()
    {
        Assert.Empty(BlameState.Deserialize([]).Origins);
    }

    [Theory]
    [InlineData(new byte[] { 0x81 })] // truncated varint
    [InlineData(new byte[] { 0x01 })] // id without run length
    [InlineData(new byte[] { 0x01, 0x00 })] // zero-length run
    public void Deserialize_CorruptData_Throws(byte[] data)
    {
        Assert.Throws<FormatException>(() => BlameState.Deserialize(data));
    }
}
