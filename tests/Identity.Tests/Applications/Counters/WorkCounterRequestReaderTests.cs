using System.Text;
using GatewayPortal.Identity.Applications.Counters;

namespace GatewayPortal.Identity.Tests.Applications.Counters;

public sealed class WorkCounterRequestReaderTests
{
    private static WorkCounterBatch Read(string json) => WorkCounterRequestReader.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Read_ObjectWithItemsAndTtl_ReadsAll()
    {
        // Act
        var batch = Read("""{"ttl": 600, "items": [{"sub": "a", "key": "k", "label": "L", "value": 1}, {"sub": "b", "key": "k", "label": "L", "value": 0}]}""");

        // Assert
        Assert.Equal(600, batch.Ttl);
        Assert.Equal(["a", "b"], batch.Items.Select(i => i.Sub).ToArray());
    }

    [Fact]
    public void Read_SingleItemOrArray_ReadsItems()
    {
        // Act
        var single = Read("""{"sub": "a", "key": "k", "label": "결재", "labelEn": "Approvals", "value": 2, "url": "https://x/", "ttl": 120}""");
        var array = Read("\uFEFF" + """[{"sub": "a", "key": "k", "label": "L", "value": 1}]""");

        // Assert
        var item = Assert.Single(single.Items);
        Assert.Equal(("a", "결재", "Approvals", 2L, 120), (item.Sub, item.Label, item.LabelEn, item.Value!.Value, item.Ttl!.Value));
        Assert.Single(array.Items);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"items\": [")]
    [InlineData("\"text\"")]
    [InlineData("{\"items\": []}")]
    [InlineData("{\"items\": [null]}")]
    [InlineData("{\"items\": [{\"sub\": \"a\", \"value\": \"three\"}]}")]
    [InlineData("{\"items\": [{\"sub\": \"a\", \"value\": 1.5}]}")]
    [InlineData("{\"items\": [{\"sub\": \"a\", \"lable\": \"typo\"}]}")]
    [InlineData("{\"items\": [{\"sub\": \"a\"}], \"sub\": \"b\"}")]
    [InlineData("{\"sub\": 5}")]
    public void Read_Malformed_ThrowsRequestExceptionWithMessage(string json)
    {
        // Act
        var error = Record.Exception(() => Read(json));

        // Assert
        var request = Assert.IsType<WorkCounterRequestException>(error);
        Assert.False(string.IsNullOrWhiteSpace(request.Message));
    }

    [Fact]
    public void Read_TooManyItems_ThrowsNamingTheLimit()
    {
        // Arrange
        var items = string.Join(",", Enumerable.Repeat("""{"sub":"a","key":"k","label":"L","value":1}""", WorkCounterLimits.MaxItemsPerRequest + 1));

        // Act
        var error = Record.Exception(() => Read("[" + items + "]"));

        // Assert
        Assert.Contains("10000", Assert.IsType<WorkCounterRequestException>(error).Message, StringComparison.Ordinal);
    }
}
