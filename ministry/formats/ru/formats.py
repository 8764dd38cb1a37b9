# Russian: "5 ноября 2020 г." (genitive months, as Django's own).
from ministry.formats.dotted import *  # noqa: F403

DATE_FORMAT = "j E Y г."
DATETIME_FORMAT = "j E Y г. H:i"
MONTH_DAY_FORMAT = "j E"
YEAR_MONTH_FORMAT = "F Y г."
