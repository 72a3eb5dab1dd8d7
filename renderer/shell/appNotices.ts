// Shows main's notices (e.g. "the window was reloaded after a crash") as toasts: asked for once the
// page starts (a notice from before it existed waits in main) and again whenever main announces one.
import i18next from 'i18next';
import type { AppNotice } from '../../shared/api/contract';
import { api } from '../api/api';
import { notify } from './notify';

export function watchAppNotices(): () => void {
  const show = (notice: AppNotice) =>
    notify({
      id: `notice-${notice}`,
      color: 'blue',
      title: i18next.t('notices.title'),
      message: i18next.t(`notices.${notice}`),
      autoClose: 12_000,
    });
  const take = () =>
    api.call('app.takeNotices', {}).then(
      ({ notices }) => notices.forEach(show),
      () => undefined, // nothing to show is better than an error about a notice
    );
  void take();
  return api.on('app.notice', () => void take());
}
