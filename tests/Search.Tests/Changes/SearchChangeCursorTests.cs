using GatewayPortal.Search.Changes;

namespace GatewayPortal.Search.Tests.Changes;

public sealed class SearchChangeCursorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan GapWait = TimeSpan.FromSeconds(15);

    [Fact]
    public void Advance_ContiguousChanges_MovesFloorToHighest()
    {
        // Arrange
        var cursor = new SearchChangeCursor(10, GapWait);

        // Act
        Done(cursor, 11, 12, 13);
        cursor.Advance(Start);

        // Assert
        Assert.Equal(13, cursor.Floor);
        Assert.Empty(cursor.Gaps);
    }

    [Fact]
    public void Advance_LowerIdCommittedLate_KeepsFloorBelowGapAndAppliesItWhenItAppears()
    {
        // Arrange: 12 was handed out first but its transaction commits after 13 and 14 were read.
        var cursor = new SearchChangeCursor(10, GapWait);
        Done(cursor, 11, 13, 14);
        cursor.Advance(Start);
        var floorWhileMissing = cursor.Floor;
        var gapsWhileMissing = cursor.Gaps.ToList();

        // Act
        var isNew = cursor.IsNew(12);
        Done(cursor, 12);
        cursor.Advance(Start.AddSeconds(1));

        // Assert
        Assert.Equal(11, floorWhileMissing);
        Assert.Equal([12L], gapsWhileMissing);
        Assert.True(isNew);
        Assert.Equal(14, cursor.Floor);
        Assert.Empty(cursor.Gaps);
        Assert.False(cursor.IsNew(13));
    }

    [Fact]
    public void Advance_GapNeverFilled_IsGivenUpAfterTheWait()
    {
        // Arrange: a rolled-back insert leaves 12 and 13 unused for good.
        var cursor = new SearchChangeCursor(10, GapWait);
        Done(cursor, 11, 14);
        cursor.Advance(Start);

        // Act
        cursor.Advance(Start + GapWait - TimeSpan.FromMilliseconds(1));
        var floorBefore = cursor.Floor;
        cursor.Advance(Start + GapWait);

        // Assert
        Assert.Equal(11, floorBefore);
        Assert.Equal(14, cursor.Floor);
        Assert.Empty(cursor.Gaps);
    }

    [Fact]
    public void Advance_GapSeenLater_WaitsFromWhenItWasFirstSeen()
    {
        // Arrange
        var cursor = new SearchChangeCursor(0, GapWait);
        Done(cursor, 1, 3);
        cursor.Advance(Start);
        Done(cursor, 5);
        cursor.Advance(Start.AddSeconds(10));

        // Act: 2 is old enough to give up on, 4 is not yet.
        cursor.Advance(Start + GapWait);

        // Assert
        Assert.Equal(3, cursor.Floor);
        Assert.Equal([4L], cursor.Gaps.ToList());
    }

    [Fact]
    public void IsNew_AtOrBelowFloorOrDone_IsFalse()
    {
        // Arrange
        var cursor = new SearchChangeCursor(10, GapWait);
        Done(cursor, 12);

        // Act
        var results = new[] { cursor.IsNew(9), cursor.IsNew(10), cursor.IsNew(11), cursor.IsNew(12), cursor.IsNew(13) };

        // Assert
        Assert.Equal([false, false, true, false, true], results);
        Assert.Equal(12, cursor.Highest);
    }

    [Fact]
    public void Advance_SequenceJumpWiderThanTracked_SkipsAheadWithoutTrackingEveryNumber()
    {
        // Arrange: a sequence that jumped far ahead (e.g. after a crash) is not a transaction in flight.
        var cursor = new SearchChangeCursor(5, GapWait);
        Done(cursor, 5 + SearchChangeCursor.MaxTrackedGap + 10);

        // Act
        cursor.Advance(Start);

        // Assert
        Assert.Equal(5 + SearchChangeCursor.MaxTrackedGap + 10, cursor.Floor);
        Assert.Empty(cursor.Gaps);
    }

    private static void Done(SearchChangeCursor cursor, params long[] ids)
    {
        foreach (var id in ids)
        {
            cursor.MarkDone(id);
        }
    }
}
