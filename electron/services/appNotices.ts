// Notices main keeps for the page until it asks for them (app.takeNotices). A pushed event alone would
// reach no page when it matters most: after a crash the window's page is only starting again.
import type { AppNotice } from '../../shared/api/contract';

export class NoticeBoard {
  private pending: AppNotice[] = [];

  /** `announce` tells a running page to ask now (the app.notice event). */
  constructor(private readonly announce: () => void) {}

  post(notice: AppNotice): void {
    if (!this.pending.includes(notice)) this.pending.push(notice);
    this.announce();
  }

  /** Each notice once: taking empties the board. */
  take(): AppNotice[] {
    const taken = this.pending;
    this.pending = [];
    return taken;
  }
}
