import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bytesSource } from './boundedUnzip';
import { JournalEntry } from './journalEntry';
import { importJournalFiles, journalImportLimits as limits } from './journalImport';
import { dayOneJournal, dayOneZip, type DayOneTestAudio } from './testDayOne';
import { rawZip, storedEntry, zerosDeflated } from './testZips';

let counter = 0;
const context = {
  newId: () => `gen-${++counter}`,
  now: '2025-05-05T00:00:00.000Z',
  today: '2025-05-05',
  timeZone: 'Europe/London',
};

const audio = (n: number): DayOneTestAudio => ({
  identifier: `AUDIO${n}`,
  md5: n.toString(16).padStart(32, '0'),
  format: 'm4a',
  bytes: strToU8(`audio ${n}`),
});

const importZip = (zip: Uint8Array, name = 'Day One.zip') =>
  importJournalFiles([bytesSource(name, zip)], context);

describe('Day One import', () => {
  it('takes text, tags, the day of creation in the entry’s own time zone, and its audio for a speech', async () => {
    const recording = audio(1);
    const report = await importZip(
      dayOneZip([
        {
          uuid: '81F0F3CA693F484792F76359E9E2ACE8',
          // 16:30 UTC on 1 May is 00:30 on 2 May in Shanghai (and still 1 May in London).
          creationDate: '2024-05-01T16:30:00Z',
          modifiedDate: '2024-05-03T08:00:00Z',
          timeZone: 'Asia/Shanghai',
          tags: ['演讲', '即兴'],
          text: '# 第一次即兴演讲\n\n开场有点紧张\\. 结尾很好\\!\n\n![](dayone-moment:/audio/AUDIO1)\n\n![](dayone-moment://PHOTO1)\n',
          audios: [recording],
          extra: { starred: true, location: { localityName: '上海' }, duration: 0, photos: [] },
        },
      ]),
    );
    expect(report.failures).toEqual([]);
    expect(report.entries).toEqual([
      {
        id: '81F0F3CA693F484792F76359E9E2ACE8',
        title: '第一次即兴演讲',
        body: '开场有点紧张. 结尾很好!\n',
        date: '2024-05-02',
        mood: null,
        tags: ['演讲', '即兴'],
        speechIds: [],
        shared: false,
        createdAt: '2024-05-01T16:30:00.000Z',
        updatedAt: '2024-05-03T08:00:00.000Z',
        deletedAt: null,
      },
    ]);
    expect(report.audios).toEqual([
      {
        entryId: '81F0F3CA693F484792F76359E9E2ACE8',
        path: `audios/${recording.md5}.m4a`,
        bytes: recording.bytes,
      },
    ]);
    expect(report.notes).toEqual([
      {
        name: 'Day One.zip/Journal.json',
        entryId: '81F0F3CA693F484792F76359E9E2ACE8',
        title: '第一次即兴演讲',
        date: '2024-05-02',
        taken: ['text', 'timeZone', 'creationDate', 'modifiedDate', 'tags', `audios/${recording.md5}.m4a`],
        dropped: [
          { what: 'dayone-moment://PHOTO1', reason: 'missingAttachment' },
          { what: 'starred', reason: 'unknownField' },
          { what: 'location', reason: 'unknownField' },
        ],
      },
    ]);
  });

  it('dates an entry in the computer’s zone when its own is unknown, and drops a reference whose audio is missing', async () => {
    const missing = audio(2);
    const report = await importZip(
      dayOneZip(
        [
          {
            uuid: 'A',
            creationDate: '2024-05-01T23:30:00Z',
            timeZone: 'Mars/Olympus_Mons',
            text: '![](dayone-moment:/audio/AUDIO2)\n\n没有录音\\.',
            audios: [missing],
          },
        ],
        [missing.md5],
      ),
    );
    expect(report.entries[0]).toMatchObject({ date: '2024-05-02', body: '没有录音.' }); // London, summer time
    expect(report.audios).toEqual([]);
    expect(report.notes[0]?.dropped).toEqual([
      { what: 'timeZone', reason: 'badValue' },
      { what: 'dayone-moment:/audio/AUDIO2', reason: 'missingAttachment' },
    ]);
  });

  it('imports a loose Journal.json, and reports one it cannot read without losing the other files', async () => {
    const report = await importJournalFiles(
      [
        bytesSource(
          'Journal.json',
          strToU8(dayOneJournal([{ uuid: 'B', creationDate: '2024-06-01T09:00:00Z', text: '好' }])),
        ),
        bytesSource('settings.json', strToU8('{"theme": "dark"}')),
        bytesSource('broken.json', strToU8('{"entries": [')),
        bytesSource(
          'partly.json',
          strToU8('{"entries": [{"uuid": "C", "text": 42}, {"uuid": "D", "text": "ok"}]}'),
        ),
      ],
      context,
    );
    expect(report.entries.map((e) => [e.id, e.date])).toEqual([
      ['B', '2024-06-01'],
      ['D', '2025-05-05'],
    ]);
    expect(report.failures).toEqual([
      { name: 'settings.json', messageKey: 'journal.errors.notDayOne' },
      { name: 'broken.json', messageKey: 'journal.errors.notDayOne' },
      { name: 'partly.json', messageKey: 'journal.errors.damagedDayOneEntry', values: { entry: '1' } },
    ]);
  });

  it('refuses a Journal.json holding more entries than one import takes', async () => {
    const entries = Array.from({ length: limits.maxEntries + 1 }, (_, i) => ({
      uuid: `E${i}`,
      creationDate: '2024-01-01T00:00:00Z',
      text: '',
    }));
    const report = await importZip(dayOneZip(entries));
    expect(report.entries).toEqual([]);
    expect(report.failures).toEqual([
      {
        name: 'Day One.zip/Journal.json',
        messageKey: 'journal.errors.tooManyDayOne',
        values: { files: limits.maxEntries + 1, maxFiles: limits.maxEntries },
      },
    ]);
  });

  it('refuses the whole zip when an audio attachment holds more than its header declares', async () => {
    const md5 = 'f'.repeat(32);
    const zip = rawZip([
      storedEntry(
        'Journal.json',
        strToU8(
          dayOneJournal([
            {
              uuid: 'F',
              creationDate: '2024-01-01T00:00:00Z',
              text: 'x',
              audios: [{ identifier: 'A', md5, format: 'm4a', bytes: new Uint8Array() }],
            },
          ]),
        ),
      ),
      { name: `audios/${md5}.m4a`, data: zerosDeflated(64), method: 8, size: 1000, crc: 0 },
    ]);
    const report = await importZip(zip, 'bomb.zip');
    expect(report.entries).toEqual([]);
    expect(report.audios).toEqual([]);
    expect(report.failures).toEqual([
      expect.objectContaining({
        name: 'bomb.zip',
        messageKey: 'journal.errors.entryLies',
        refusedArchive: true,
      }),
    ]);
  });

  it('reads no more audio than one import takes, and says which recordings were left out', async () => {
    const audios = Array.from({ length: limits.maxAudioFiles + 1 }, (_, i) => audio(i + 10));
    const report = await importZip(
      dayOneZip([{ uuid: 'G', creationDate: '2024-01-01T00:00:00Z', text: '', audios }]),
    );
    expect(report.audios).toHaveLength(limits.maxAudioFiles);
    expect(report.notes[0]?.dropped).toEqual([
      { what: `audios/${audios.at(-1)!.md5}.m4a`, reason: 'attachmentLimit' },
    ]);
  });

  it('property: any Journal.json, however hostile, imports or is reported, never throws', async () => {
    const hostile = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.record({ entries: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }) }),
      fc.record({
        entries: fc.array(
          fc.record(
            {
              uuid: fc.oneof(fc.string({ maxLength: 120 }), fc.integer()),
              text: fc.oneof(fc.string({ maxLength: 50 }), fc.constant('![](dayone-moment://X)\\.')),
              creationDate: fc.oneof(
                fc.string({ maxLength: 30 }),
                fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
              ),
              timeZone: fc.oneof(
                fc.string({ maxLength: 30 }),
                fc.constantFrom('Asia/Shanghai', 'Etc/GMT+14', ''),
              ),
              tags: fc.array(fc.oneof(fc.string({ maxLength: 50 }), fc.integer())),
              audios: fc.array(
                fc.record({
                  identifier: fc.string(),
                  md5: fc.string({
                    unit: fc.constantFrom(...'0123456789abcdef'),
                    minLength: 32,
                    maxLength: 32,
                  }),
                  format: fc.string({ maxLength: 9 }),
                }),
              ),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 5 },
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (journal) => {
        const zip = zipSync({ 'Journal.json': strToU8(JSON.stringify(journal) ?? 'null') });
        const report = await importZip(zip);
        for (const entry of report.entries) expect(JournalEntry.parse(entry)).toEqual(entry);
      }),
      { numRuns: 300 },
    );
  });
});
