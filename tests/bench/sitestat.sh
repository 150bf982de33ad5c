# bench/sitestat.py: the 90% interval of precision and recall over the
# sites (a bootstrap of the sites from a fixed seed), for counts made up
# here: a run repeats; one site, or sites all alike, have no spread; a
# site far off the others widens the interval without moving the point
# figures out of it; a site with no line predicted counts as precision 0
python3 - "$PWD/../../bench" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from sitestat import interval_text, site_interval

def show(name, counts):
    (plo, phi), (rlo, rhi) = site_interval(counts)
    tp = sum(c[0] for c in counts)
    fp = sum(c[1] for c in counts)
    fn = sum(c[2] for c in counts)
    p, r = tp / (tp + fp), tp / (tp + fn)
    print("%s: P %.4f in [%.4f, %.4f] %s; R %.4f in [%.4f, %.4f] %s" % (
        name, p, plo, phi, plo <= p <= phi, r, rlo, rhi, rlo <= r <= rhi))

alike = [[90, 3, 7]] * 12
show("alike", alike)
show("one site", [[40, 10, 5]])
odd = [[90, 3, 7]] * 11 + [[10, 60, 40]]
show("one site far off", odd)
print(interval_text(odd))
print("repeats:", site_interval(odd) == site_interval(odd))
print(interval_text([[0, 0, 5], [20, 0, 0]]))
PY
