"""names.py KIND N - articles of N place names for the scaling tests.

line      one record: N times 城关镇 (88 counties have one), listed
records   one article of N records, each 城关镇
together  one record: N times 城关镇 written together, no separator
ties      one article of N records naming 安康市 and then 城关镇: ten of
          its counties have one, so the support ties and no earlier name
          decides
stream    N sentence records of one article '-' (standard input read as
          one text), naming divisions of several provinces
"""
import sys

kind, n = sys.argv[1], int(sys.argv[2])
out = sys.stdout
if kind == 'line':
    out.write('d\t' + '城关镇、' * n + '\n')
elif kind == 'records':
    out.write('d\t城关镇\n' * n)
elif kind == 'together':
    out.write('d\t' + '城关镇' * n + '\n')
elif kind == 'ties':
    out.write('d\t安康市、城关镇。\n' * n)
elif kind == 'stream':
    places = ['甘肃省武威市凉州区', '永昌县城关镇', '福州市鼓楼区',
              '青海省西宁市湟中区', '金昌市', '民勤县']
    for i in range(n):
        out.write('-\t%d\t1\t%s的发展规划今年第%d次讨论，城关镇也在其中。\n'
                  % (i + 1, places[i % len(places)], i))
else:
    sys.exit('names.py: unknown kind ' + kind)
