// The config.xml of a loopback-only Syncthing instance, and the checks that it cannot reach beyond
// 127.0.0.1: run on the file before the first start and on the running instance's effective config.
// Every setting that could talk to the Internet or the LAN is written explicitly, because
// Syncthing fills in a missing element with its default (and the defaults announce globally).

export interface InstanceConfig {
  /** The config version `syncthing generate` wrote, so the file matches the installed Syncthing. */
  configVersion: number;
  selfId: string;
  selfName: string;
  listenPort: number;
  guiPort: number;
  apiKey: string;
  peerId: string;
  peerName: string;
  peerPort: number;
  folderId: string;
  folderPath: string;
  /** Receive at most this many KiB a second (a slow link: big files land well after small ones);
   * 127.0.0.1 counts as the LAN, which Syncthing leaves unlimited unless told otherwise. A throttled
   * side also pulls the smallest files first, as a slow link lets them overtake in practice. */
  maxRecvKbps?: number;
}

/** Options that must hold exactly these values (names as in config.xml and in REST's JSON). */
export const SAFE_OPTIONS = {
  globalAnnounceEnabled: false, // no global discovery (DNS + HTTPS to discovery servers)
  localAnnounceEnabled: false, // no LAN broadcast / multicast on :21027
  relaysEnabled: false, // no relay pool, no relay connections
  natEnabled: false, // no UPnP / NAT-PMP
  stunKeepaliveStartS: 0, // no STUN (Syncthing treats < 1 as off)
  announceLANAddresses: false,
  urAccepted: -1, // usage reporting declined
  autoUpgradeIntervalH: 0, // no upgrade checks
  crashReportingEnabled: false,
  startBrowser: false,
} as const;

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function device(id: string, name: string, port: number): string {
  return `  <device id="${xml(id)}" name="${xml(name)}" compression="metadata" introducer="false" skipIntroductionRemovals="false" introducedBy="">
    <address>tcp://127.0.0.1:${port}</address>
    <paused>false</paused>
    <autoAcceptFolders>false</autoAcceptFolders>
  </device>`;
}

export function instanceConfigXml(c: InstanceConfig): string {
  const options = Object.entries(SAFE_OPTIONS)
    .map(([name, value]) => `    <${name}>${value}</${name}>`)
    .join('\n');
  return `<configuration version="${c.configVersion}">
  <folder id="${xml(c.folderId)}" label="${xml(c.folderId)}" path="${xml(c.folderPath)}" type="sendreceive" rescanIntervalS="10" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
    <filesystemType>basic</filesystemType>
    <device id="${xml(c.selfId)}" introducedBy=""></device>
    <device id="${xml(c.peerId)}" introducedBy=""></device>
    <minDiskFree unit="%">0</minDiskFree>
    <maxConflicts>10</maxConflicts>
    <order>${c.maxRecvKbps === undefined ? 'random' : 'smallestFirst'}</order>
  </folder>
${device(c.selfId, c.selfName, c.listenPort)}
${device(c.peerId, c.peerName, c.peerPort)}
  <gui enabled="true" tls="false" debugging="false">
    <address>127.0.0.1:${c.guiPort}</address>
    <apikey>${xml(c.apiKey)}</apikey>
    <theme>default</theme>
  </gui>
  <options>
    <listenAddress>tcp://127.0.0.1:${c.listenPort}</listenAddress>
${options}
    <reconnectionIntervalS>5</reconnectionIntervalS>
    <maxRecvKbps>${c.maxRecvKbps ?? 0}</maxRecvKbps>
    <limitBandwidthInLan>${c.maxRecvKbps !== undefined}</limitBandwidthInLan>
    <setLowPriority>false</setLowPriority>
    <minHomeDiskFree unit="%">0</minHomeDiskFree>
  </options>
</configuration>
`;
}

/** Problems with a config.xml's text (empty = loopback only). Checked before every start. */
export function checkConfigXml(text: string): string[] {
  const problems: string[] = [];
  const options = /<options>([\s\S]*?)<\/options>/.exec(text)?.[1] ?? '';
  for (const [name, want] of Object.entries(SAFE_OPTIONS)) {
    const values = [...options.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);
    if (values.length !== 1 || values[0] !== String(want))
      problems.push(`${name}=${JSON.stringify(values)} (want ${want})`);
  }
  const listen = [...options.matchAll(/<listenAddress>([^<]*)<\/listenAddress>/g)].map((m) => m[1]!);
  if (listen.length === 0 || listen.some((a) => !/^tcp:\/\/127\.0\.0\.1:\d+$/.test(a)))
    problems.push(`listenAddress=${JSON.stringify(listen)}`);
  const gui = /<gui[^>]*>[\s\S]*?<address>([^<]*)<\/address>/.exec(text)?.[1] ?? '';
  if (!/^127\.0\.0\.1:\d+$/.test(gui)) problems.push(`gui address=${gui}`);
  // Top-level devices only: the <defaults> template (if any) is never dialled.
  const topLevel = text.replace(/<defaults>[\s\S]*?<\/defaults>/g, '');
  for (const m of topLevel.matchAll(/<device [^>]*>([\s\S]*?)<\/device>/g)) {
    for (const a of m[1]!.matchAll(/<address>([^<]*)<\/address>/g))
      if (!/^tcp:\/\/127\.0\.0\.1:\d+$/.test(a[1]!)) problems.push(`device address=${a[1]}`);
  }
  return problems;
}

interface RestConfig {
  options: Record<string, unknown> & { listenAddresses?: string[] };
  gui: { address?: string };
  devices: Array<{ addresses?: string[] }>;
  folders: unknown[];
}

/** The same checks against the running instance's effective config (GET /rest/config). */
export function checkRestConfig(config: RestConfig): string[] {
  const problems: string[] = [];
  for (const [name, want] of Object.entries(SAFE_OPTIONS))
    if (config.options[name] !== want) problems.push(`${name}=${String(config.options[name])}`);
  const listen = config.options.listenAddresses ?? [];
  if (listen.length === 0 || listen.some((a) => !a.startsWith('tcp://127.0.0.1:')))
    problems.push(`listenAddresses=${JSON.stringify(listen)}`);
  if (!config.gui.address?.startsWith('127.0.0.1:')) problems.push(`gui address=${config.gui.address}`);
  for (const d of config.devices)
    for (const a of d.addresses ?? [])
      if (!a.startsWith('tcp://127.0.0.1:')) problems.push(`device address=${a}`);
  if (config.folders.length !== 1) problems.push(`${config.folders.length} folders`);
  return problems;
}
