namespace SonLa.Monitor.Agent.Polling;

/// <summary>
/// Turns two readings of one octet counter into bits per second, refusing every interval where the
/// answer is not certain. Pure: no clock, no state.
/// </summary>
/// <remarks>
/// The classic tools either add 2^32 to every decrease (a spike when the counter was really reset) or
/// refuse every decrease (a gap at every wrap). Here a 32-bit decrease counts as one wrap only when the
/// resulting rate is possible on the link, and an interval is refused when the link could have moved
/// 2^32 more octets than observed (so a second wrap cannot be ruled out). A 64-bit counter never wraps
/// in practice, so its decrease is a reset.
/// </remarks>
public static class CounterRateCalculator
{
    /// <summary>Rates up to ifSpeed × this are believed (shapers, rounding, burst accounting).</summary>
    public const double SpeedMargin = 1.1;

    public const double Counter32Modulus = 4294967296.0;

    /// <param name="previous">The earlier reading.</param>
    /// <param name="current">The later reading.</param>
    /// <param name="elapsedSeconds">Time between them (device sysUpTime delta when known).</param>
    /// <param name="speedBitsPerSecond">Interface speed; 0 when unknown.</param>
    public static RateResult Compute(CounterReading previous, CounterReading current, double elapsedSeconds, double speedBitsPerSecond)
    {
        if (previous.Width != current.Width)
        {
            return RateResult.None(RateOutcome.NewSeries);
        }

        if (!(elapsedSeconds > 0) || double.IsInfinity(elapsedSeconds))
        {
            return RateResult.None(RateOutcome.NoElapsedTime);
        }

        var speedKnown = speedBitsPerSecond > 0 && double.IsFinite(speedBitsPerSecond);
        // Octets the link can carry in the interval, with margin; unbounded when the speed is unknown.
        var capacityOctets = speedKnown ? speedBitsPerSecond * SpeedMargin * elapsedSeconds / 8 : double.PositiveInfinity;

        double delta;
        if (current.Value >= previous.Value)
        {
            delta = current.Value - previous.Value;
        }
        else if (current.Width == CounterWidth.Bits64)
        {
            return RateResult.None(RateOutcome.CounterReset);
        }
        else
        {
            delta = (double)current.Value + Counter32Modulus - previous.Value;
            // Without a speed, only a decrease from the upper half to the lower half looks like a wrap;
            // a counter cleared to zero mid-range would otherwise become a huge false rate.
            var plausible = speedKnown ? delta <= capacityOctets : delta < Counter32Modulus / 2;
            if (!plausible)
            {
                return RateResult.None(RateOutcome.CounterReset);
            }
        }

        if (speedKnown && current.Width == CounterWidth.Bits32 && delta + Counter32Modulus <= capacityOctets)
        {
            return RateResult.None(RateOutcome.AmbiguousWrap);
        }

        var bitsPerSecond = delta * 8 / elapsedSeconds;
        if (speedKnown && bitsPerSecond > speedBitsPerSecond * SpeedMargin)
        {
            return RateResult.None(RateOutcome.AboveSpeed);
        }

        return new RateResult(bitsPerSecond, RateOutcome.Ok);
    }
}
