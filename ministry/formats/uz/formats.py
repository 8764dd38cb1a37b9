# Uzbek (Latin): "5-noyabr, 2020-yil". The lower-case month comes from the
# "alt. month" entries of locale/django/uz.
from ministry.formats.dotted import *  # noqa: F403

DATE_FORMAT = r"j-E, Y-\y\i\l"
DATETIME_FORMAT = r"j-E, Y-\y\i\l, H:i"
MONTH_DAY_FORMAT = "j-E"
YEAR_MONTH_FORMAT = r"F Y-\y\i\l"
