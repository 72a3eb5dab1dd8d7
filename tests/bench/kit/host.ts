// The one way a benchmark starts Lectern: the loopback web host (the app's main-process services in
// this process) serving the renderer as shipped, over a data folder of the benchmark's choosing.
import { startLocalHost } from '../../../electron/web/startLocalHost';
import type { WebHost } from '../../../electron/web/webHost';
import { shippedRenderer } from './renderer';

export async function startHost(dataDir: string): Promise<WebHost> {
  return startLocalHost({ dataDir, rendererDir: await shippedRenderer() });
}
