# Uzbek (Latin): "5-noyabr, 2020-yil". The lower-case month comes from the
# "alt. month" entries of locale/django/uz.
DATE_FORMAT = r"j-E, Y-\y\i\l"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"j-E, Y-\y\i\l, H:i"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
MONTH_DAY_FORMAT = "j-E"
YEAR_MONTH_FORMAT = r"F Y-\y\i\l"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
