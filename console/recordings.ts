// Take it away: the session (or one conversation of it) as a recording `npm run replay` accepts —
// the live recording `npm run sim` keeps, not a reconstruction — and a transcript as JSON.

/** The session's live recording, as `npm run sim` keeps it (bin/sim/recording.ts). */
export interface SessionRecordings {
  /**
   * The session so far; with `conversationId`, that conversation with every world change. Null
   * when that conversation was not opened during this session.
   */
  yaml(conversationId?: string): Promise<string | null>;
}

export const download = (filename: string, type: string) => ({
  'content-type': type,
  'content-disposition': `attachment; filename="${filename}"`,
  'cache-control': 'no-store',
});
