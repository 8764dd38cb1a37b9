# Uzbek (Cyrillic): "5 ноябрь 2020 йил".
from ministry.formats.dotted import *  # noqa: F403

DATE_FORMAT = r"j E Y \й\и\л"
DATETIME_FORMAT = r"j E Y \й\и\л, H:i"
MONTH_DAY_FORMAT = "j E"
YEAR_MONTH_FORMAT = r"F Y \й\и\л"
