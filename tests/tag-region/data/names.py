"""names.py KIND N - articles of N place names for the scaling tests.

line      one record: N times 城关镇 (88 counties have one), listed
records   one article of N records, each 城关镇
together  one record: N times 城关镇 written together, no separator
ties      one article of N records naming 安康市 and then 城关镇: ten of
          its counties have one, so the support ties and no earlier name
          decides
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
else:
    sys.exit('names.py: unknown kind ' + kind)
