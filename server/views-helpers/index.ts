/** Every Handlebars helper, one per file, registered by name. */
import { t } from './t';
import { formatDateTime } from './format-date-time';
import { formatNumber } from './format-number';
import { formatPercent } from './format-percent';
import { eq } from './eq';
import { includes } from './includes';
import { concat } from './concat';

export const helpers = { t, formatDateTime, formatNumber, formatPercent, eq, includes, concat };
