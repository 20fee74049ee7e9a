namespace SonLa.Monitor.Collector.Ingest;

/// <summary>
/// The sequence numbers of one agent boot seen so far, as sorted disjoint intervals. At most
/// <see cref="MaxIntervals"/> are kept: beyond that the lowest hole is given up (filled and
/// reported by <see cref="Add"/> as given up), so memory stays bounded whatever the agent sends.
/// Not thread-safe; the owner locks.
/// </summary>
public sealed class SequenceSet
{
    public const int MaxIntervals = 64;

    private readonly List<(ulong Low, ulong High)> _intervals = [];

    /// <summary>Numbers in the set (given-up holes count as in it).</summary>
    public ulong Count { get; private set; }

    /// <summary>Numbers between the lowest and the highest in the set that are not in it (holes).</summary>
    public ulong Missing => _intervals.Count == 0 ? 0 : _intervals[^1].High - _intervals[0].Low + 1 - Count;

    public int Intervals => _intervals.Count;

    public bool Contains(ulong value)
    {
        var i = IndexOfLastLowAtOrBelow(value);
        return i >= 0 && value <= _intervals[i].High;
    }

    /// <summary>
    /// Adds <paramref name="value"/>; false when it was already there. <paramref name="givenUp"/> is
    /// how many missing numbers were given up to keep the set small (0 almost always).
    /// </summary>
    public bool Add(ulong value, out ulong givenUp)
    {
        givenUp = 0;
        var i = IndexOfLastLowAtOrBelow(value);
        if (i >= 0 && value <= _intervals[i].High)
        {
            return false;
        }

        Count++;
        var joinsLeft = i >= 0 && _intervals[i].High + 1 == value;
        var joinsRight = i + 1 < _intervals.Count && value + 1 == _intervals[i + 1].Low;
        if (joinsLeft && joinsRight)
        {
            _intervals[i] = (_intervals[i].Low, _intervals[i + 1].High);
            _intervals.RemoveAt(i + 1);
        }
        else if (joinsLeft)
        {
            _intervals[i] = (_intervals[i].Low, value);
        }
        else if (joinsRight)
        {
            _intervals[i + 1] = (value, _intervals[i + 1].High);
        }
        else
        {
            _intervals.Insert(i + 1, (value, value));
        }

        if (_intervals.Count > MaxIntervals)
        {
            // The oldest hole is the one least likely to be filled still.
            givenUp = _intervals[1].Low - _intervals[0].High - 1;
            Count += givenUp;
            _intervals[0] = (_intervals[0].Low, _intervals[1].High);
            _intervals.RemoveAt(1);
        }

        return true;
    }

    // Binary search: index of the interval with the greatest Low <= value, or -1.
    private int IndexOfLastLowAtOrBelow(ulong value)
    {
        int low = 0, high = _intervals.Count - 1, found = -1;
        while (low <= high)
        {
            var mid = low + ((high - low) / 2);
            if (_intervals[mid].Low <= value)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return found;
    }
}
