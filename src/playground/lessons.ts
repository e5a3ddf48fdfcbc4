/**
 * The playground's guided tour: five searches over the bundled sample, each showing one point of
 * SPL's semantics, each with the Splunk documentation that states it (docs/semantics.md, Sources: Search Reference: search, Search Manual: Boolean
 * expressions and != and NOT, Knowledge Manager Manual: search macros, Search Reference: where, and security_content's build for the `_filter` default).
 */
export interface Lesson {
  title: string;
  search: string;
  /** What to look at, in a few sentences. */
  text: string;
  /** Splunk's documentation for the point, title and address. */
  sources: { title: string; url: string }[];
  /** macros.conf text the lesson puts in the macros box, if any. */
  macros?: string;
}

const PROCESSES = '| tstats count from datamodel=Endpoint.Processes by Processes.process_name Processes.dest | `drop_dm_object_name(Processes)`';

export const LESSONS: readonly Lesson[] = [
  {
    title: '1. search evaluates OR before AND',
    search: `${PROCESSES}\n| search process_name=cmd.exe OR process_name=whoami.exe dest=win-dc*`,
    text:
      'In the search command, OR binds tighter than AND, and a space is an AND. The explanation shows the grouping ' +
      '(process_name=cmd.exe OR process_name=whoami.exe) AND dest=win-dc*: only the cmd.exe row of the win-dc host is kept, ' +
      'though whoami.exe ran elsewhere.',
    sources: [{ title: 'Search Manual: Boolean expressions', url: 'https://docs.splunk.com/Documentation/Splunk/9.4.0/Search/Booleanexpressions' }],
  },
  {
    title: '2. where evaluates AND before OR',
    search: `${PROCESSES}\n| where process_name="cmd.exe" OR process_name="whoami.exe" AND like(dest, "win-dc%")`,
    text:
      'The same question asked with where groups the other way: process_name="cmd.exe" OR (process_name="whoami.exe" AND like(dest, "win-dc%")). ' +
      'Every cmd.exe row is kept, on every host. The explanation notes how search would read the same text.',
    sources: [
      { title: 'Search Manual: Boolean expressions', url: 'https://docs.splunk.com/Documentation/Splunk/9.4.0/Search/Booleanexpressions' },
      { title: 'Search Reference: where', url: 'https://help.splunk.com/splunk-enterprise/spl-search-reference/9.2/search-commands/where' },
    ],
  },
  {
    title: '3. search matches values case-insensitively, where does not',
    search: `${PROCESSES}\n| eval in_search=if(searchmatch("process_name=CMD.EXE"), "match", "no match"), in_where=if(process_name=="CMD.EXE", "match", "no match")`,
    text:
      'searchmatch() applies the search language to each row: process_name=CMD.EXE matches cmd.exe. The eval comparison, ' +
      'like where, compares strings exactly, so "CMD.EXE" never equals "cmd.exe". (Field names are case-sensitive in both.)',
    sources: [
      { title: 'Search Reference: search', url: 'https://help.splunk.com/en/splunk-enterprise/spl-search-reference/10.0/search-commands/search' },
      { title: 'Search Reference: where', url: 'https://help.splunk.com/splunk-enterprise/spl-search-reference/9.2/search-commands/where' },
    ],
  },
  {
    title: '4. NOT f=v keeps rows where f is null; f!=v does not',
    search:
      `${PROCESSES}\n| eval parent=case(process_name="cmd.exe", null(), process_name="whoami.exe", "cmd", true(), "w3wp")` +
      '\n| eval with_not=if(searchmatch("NOT parent=w3wp"), "kept", "dropped"), with_ne=if(searchmatch("parent!=w3wp"), "kept", "dropped")',
    text:
      'parent is null on the cmd.exe rows. NOT parent=w3wp keeps them (a null field is not w3wp), but parent!=w3wp needs the field ' +
      'to exist with another value, so it drops them. Both keep the whoami.exe rows, whose parent is cmd.',
    sources: [{ title: 'Search Manual: Difference between NOT and !=', url: 'https://docs.splunk.com/Documentation/Splunk/9.0.9/Search/NOTexpressions' }],
  },
  {
    title: '5. drop_dm_object_name and a *_filter macro',
    search:
      '| tstats `security_content_summariesonly` count min(_time) as firstTime from datamodel=Endpoint.Processes ' +
      'where Processes.parent_process_name=w3wp.exe AND `process_cmd` OR `process_powershell` by Processes.dest Processes.user\n' +
      '| `drop_dm_object_name(Processes)`\n| `security_content_ctime(firstTime)`\n| `w3wp_spawning_shell_filter`',
    text:
      'The expansion panel shows what each macro became. drop_dm_object_name(Processes) is rename "Processes.*" as *: the ' +
      'data model prefix goes, Processes.dest becomes dest. w3wp_spawning_shell_filter is defined in the macros box ' +
      'to drop the SYSTEM user; delete that definition and it becomes search *, which keeps every row: security_content creates ' +
      'each detection\'s empty _filter macro so, for you to tune.',
    macros: '[w3wp_spawning_shell_filter]\ndefinition = search user!="NT AUTHORITY\\\\SYSTEM"',
    sources: [
      { title: 'Knowledge Manager Manual: Use search macros in searches', url: 'https://docs.splunk.com/Documentation/Splunk/9.4.0/Knowledge/Usesearchmacros' },
      { title: 'Search Reference: rename', url: 'https://help.splunk.com/en/splunk-enterprise/spl-search-reference/10.0/search-commands/rename' },
      { title: 'splunk/security_content (the _filter macros of its detections)', url: 'https://github.com/splunk/security_content' },
    ],
  },
];
