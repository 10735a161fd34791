"""The CI quality floor: the dev-set accuracy below which the slow eval test fails.

A regression guard, not a target: the lead sets it just under what the default pipeline reaches
Never raise it by tuning to single gold items. The default extractive pipeline reached 0.917 on
gold_dev (99/108) when this was set; the floor leaves room for a few items of noise.
"""

ACCURACY_FLOOR = 0.88
