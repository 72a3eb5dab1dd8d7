// The one way a benchmark starts Lectern: the loopback web host in a process of its own, as the app
// runs its main side (never in the benchmark's process, whose CDP traffic would delay the host's
// answers), serving the renderer as shipped over a data folder of the benchmark's choosing.
import { startHostProcess, type HostProcess, type HostProcessOptions } from '../../support/hostProcess';
import { shippedRenderer } from './renderer';

export type { HostProcess };

export async function startHost(
  dataDir: string,
  options: Pick<HostProcessOptions, 'nodeArgs'> = {},
): Promise<HostProcess> {
  return startHostProcess(dataDir, { ...options, rendererDir: await shippedRenderer() });
}
