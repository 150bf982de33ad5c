"""What bench/boiler-web and tools/boiler-model share: how far figures
over labelled lines of a few dozen sites would move with other sites of
the same kinds.

One page can carry hundreds of lines of one kind (a feed, a table), so
the lines are not independent draws; the sites are. The interval is the
bootstrap's: the sites are drawn again with replacement, RESAMPLES
times, from a fixed seed (a run repeats), and precision and recall are
taken over each draw's lines.
"""
import random

RESAMPLES = 2000


def site_interval(counts, level=0.90):
    """((precision low, high), (recall low, high)), the central level
    of the resampled figures; counts: a [found right, wrong, missed]
    list for each site"""
    rng = random.Random(1)
    n = len(counts)
    ps, rs = [], []
    for _ in range(RESAMPLES):
        tp = fp = fn = 0
        for _ in range(n):
            c = counts[rng.randrange(n)]
            tp += c[0]
            fp += c[1]
            fn += c[2]
        ps.append(tp / (tp + fp) if tp + fp else 0.0)
        rs.append(tp / (tp + fn) if tp + fn else 0.0)
    ps.sort()
    rs.sort()
    tail = (1 - level) / 2
    lo, hi = round(tail * RESAMPLES), round((1 - tail) * RESAMPLES) - 1
    return (ps[lo], ps[hi]), (rs[lo], rs[hi])


def interval_text(counts):
    """the line the tools print under a figure"""
    (plo, phi), (rlo, rhi) = site_interval(counts)
    return ("90%% interval over sites (%d resamples of the %d sites): "
            "precision %.4f-%.4f  recall %.4f-%.4f"
            % (RESAMPLES, len(counts), plo, phi, rlo, rhi))
