// The page's one reporter to main's log file (see errorLog.ts for what it sends and what never).
import { api } from '../api/api';
import { createErrorReporter } from './errorLog';

export const reportToMain = createErrorReporter((report) => api.call('app.logError', report));
