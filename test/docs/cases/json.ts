/** JSON functions (eval). */
import { marked, page, type DocCase } from './types.js';

const PAGE = page('evaluation-functions/json-functions');

/**
 * The page writes some results with spaces after colons and commas and others without; Splunk's
 * JSON functions print compact JSON (the page's json_entries, json_extract and toobject results),
 * so every expected object here is compact.
 */
const COMPACT = 'The page shows this object with spaces; the expected text is its compact form (see the report).';

const CITIES = {
  cities: [
    { name: 'London', Bridges: [{ name: 'Tower Bridge', length: 801 }, { name: 'Millennium Bridge', length: 1066 }] },
    {
      name: 'Venice',
      Bridges: [{ name: 'Rialto Bridge', length: 157 }, { name: 'Bridge of Sighs', length: 36 }, { name: 'Ponte della Paglia' }],
    },
    { name: 'San Francisco', Bridges: [{ name: 'Golden Gate Bridge', length: 8981 }, { name: 'Bay Bridge', length: 23556 }] },
  ],
};
/** An SPL string literal holding `value` as JSON. */
const literal = (value: unknown): string => JSON.stringify(JSON.stringify(value));
const WITH_CITIES = `| makeresults | eval cities=${literal(CITIES)}`;
const json = (value: unknown): string => JSON.stringify(value);

/** One json_extract example over the page's cities object. */
const extract = (name: string, field: string, path: string, value: unknown, knownDifference?: string): DocCase => ({
  id: `json-extract-${name}`,
  page: PAGE,
  quote: `Here are the results of the search: | Field | Results | | ${field} | ${typeof value === 'string' ? value : json(value)} |`,
  search: `${WITH_CITIES} | eval ${field}=json_extract(cities,"${path}")`,
  expected: { field, value: typeof value === 'string' ? value : json(value) },
  ...marked(knownDifference),
});

export const jsonCases: DocCase[] = [
  {
    id: 'json-object-basic',
    page: PAGE,
    quote: 'The following example creates a basic JSON object { "name": "maria" } .',
    search: '| makeresults | eval name = json_object("name", "maria")',
    expected: { field: 'name', value: '{"name":"maria"}' },
    note: COMPACT,
  },
  {
    id: 'json-object-array-value',
    page: PAGE,
    quote: 'The JSON object created is { "name": ["maria", "arun"] } .',
    search: '| makeresults | eval firstnames = json_object("name", json_array("maria", "arun"))',
    expected: { field: 'firstnames', value: '{"name":["maria","arun"]}' },
    note: COMPACT,
  },
  {
    id: 'json-object-cities',
    page: PAGE,
    quote: 'The result is the JSON object { "cities": ["London", "Sydney", "Berlin", "Santiago"] } .',
    search: '| makeresults | eval  locations = json_object("cities", json_array("London", "Sydney", "Berlin", "Santiago"))',
    expected: { field: 'locations', value: '{"cities":["London","Sydney","Berlin","Santiago"]}' },
    note: COMPACT,
  },
  {
    id: 'json-object-nested',
    page: PAGE,
    quote:
      'The result is this JSON object: { "games": { "category": { "boardgames": { "cooperative": [ "Pandemic", "Forbidden Island", "Castle Panic" ] } } } }',
    search:
      '| makeresults | eval gamelist = json_array("Pandemic", "Forbidden Island", "Castle Panic"), games = json_object("category", json_object("boardgames", json_object("cooperative", gamelist)))',
    expected: { field: 'games', value: '{"category":{"boardgames":{"cooperative":["Pandemic","Forbidden Island","Castle Panic"]}}}' },
    note: 'The page shows the games field wrapped in an object keyed "games", with spaces; the field holds the inner object.',
  },
  {
    id: 'json-json-valid-value',
    page: PAGE,
    quote: 'The following search verifies that {"animal" : "pony"} is a JSON value by returning its value, {"animal":"pony"} .',
    search: '| makeresults | eval animals = json_object("animal", "pony"), result = json(animals)',
    expected: { fields: { animals: '{"animal":"pony"}', result: '{"animal":"pony"}' } },
  },
  {
    id: 'json-json-not-json',
    page: PAGE,
    quote: 'When the value is JSON, the value is returned in the bridgesAsJson field. When the value is not JSON, the function returns null.',
    search: '| makeresults | eval bridges="Golden Gate Bridge", city="San Francisco" | eval bridgesAsJson = json(bridges)',
    expected: { field: 'bridgesAsJson', value: null },
  },
  {
    id: 'json-append-string',
    page: PAGE,
    quote: 'The output of that eval statement is {"ponylist": ["Minty", "Rarity", "Buttercup", "Fluttershy"]} .',
    search:
      '| makeresults | eval ponies = json_object("ponylist", json_array("Minty", "Rarity", "Buttercup")), updatePonies = json_append(ponies, "ponylist", "Fluttershy")',
    expected: { field: 'updatePonies', value: '{"ponylist":["Minty","Rarity","Buttercup","Fluttershy"]}' },
    note: COMPACT,
  },
  {
    id: 'json-append-nested',
    page: PAGE,
    quote: 'The output of this eval statement is ponyDetailsUpdated = {"Fluttershy":{"ponySkills":["running","jumping","codebreaking"]}}',
    search:
      '| makeresults | eval ponyDetails = json_object("Fluttershy", json_object("ponySkills", json_array("running", "jumping"))), ponyDetailsUpdated = json_append(ponyDetails, "Fluttershy.ponySkills", "codebreaking")',
    expected: { field: 'ponyDetailsUpdated', value: '{"Fluttershy":{"ponySkills":["running","jumping","codebreaking"]}}' },
  },
  {
    id: 'json-array-basic',
    page: PAGE,
    quote: 'The following example creates a simple array ["buttercup", "fluttershy", "rarity"] .',
    search: '| makeresults | eval ponies = json_array("buttercup", "fluttershy", "rarity")',
    expected: { field: 'ponies', value: '["buttercup","fluttershy","rarity"]' },
    note: COMPACT,
  },
  {
    id: 'json-array-with-object',
    page: PAGE,
    quote: 'The result is the JSON array [ "dubois", {"name": "patel}" ] .',
    search: '| makeresults | eval surname = json_array("dubois", json_object("name", "patel"))',
    expected: { field: 'surname', value: '["dubois",{"name":"patel"}]' },
    note: 'The page misplaces a quotation mark ("patel}"); the conversion page prints this array as ["dubois",{"name":"patel"}].',
  },
  {
    id: 'json-array-to-mv',
    page: PAGE,
    quote:
      'Then it maps that array into a multivalue field named my_little_ponies with the values Buttercup , Fluttershy , and Rarity . The function removes the quote characters when it converts the array elements into field values.',
    search: '| makeresults | eval ponies = json_array("Buttercup", "Fluttershy", "Rarity"), my_sweet_ponies = json_array_to_mv(ponies)',
    expected: { field: 'my_sweet_ponies', value: ['Buttercup', 'Fluttershy', 'Rarity'] },
    note: 'The page names the field my_little_ponies in its prose and my_sweet_ponies in its search.',
  },
  {
    id: 'json-array-to-mv-quotes',
    page: PAGE,
    quote:
      'If you change this search so it has my_sweet_ponies = json_array_to_mv(ponies,true()) , you get an array with the values "Buttercup" , "Fluttershy" , and "Rarity" .',
    search: '| makeresults | eval ponies = json_array("Buttercup", "Fluttershy", "Rarity"), my_sweet_ponies = json_array_to_mv(ponies,true())',
    expected: { field: 'my_sweet_ponies', value: ['"Buttercup"', '"Fluttershy"', '"Rarity"'] },
  },
  {
    id: 'json-delete-keys',
    knownDifference: "error: Error in eval expression: unexpected character '{'",
    page: PAGE,
    quote:
      'The results look like this: | object | sales_account | | {"name":"Wei Zhang", "SSN":"123-45-6789", "city":"Seattle", "accounts":["Hagal Quartz", "Caladan Water", "Arrakis Spices"]} | {"name":"Wei Zhang", "city":"Seattle"} |',
    search:
      '| makeresults | eval object = {"name":"Wei Zhang", "SSN":"123-45-6789", "city":"Seattle", "accounts":["Hagal Quartz", "Caladan Water", "Arrakis Spices"]} | eval sales_account = json_delete(object, "SSN", "accounts")',
    expected: { field: 'sales_account', value: '{"name":"Wei Zhang","city":"Seattle"}' },
    note: COMPACT,
  },
  {
    id: 'json-delete-nested',
    knownDifference: "error: Error in eval expression: unexpected character '{'",
    page: PAGE,
    quote:
      'The results look like this: | employee | results | | ... | {"name":"Celestino Paulo", "company":"Isthmus Pastimes", "addresses": {"office":"edificio 890 Avenida Demetrio Panama City Panama"}} |',
    search:
      '| makeresults | eval employee = {"name":"Celestino Paulo", "company":"Isthmus Pastimes", "addresses": {"email":"celestino@sample.com", "office":"edificio 890 Avenida Demetrio Panama City Panama"}} | eval result = json_delete(employee, "addresses.email")',
    expected: {
      field: 'result',
      value: '{"name":"Celestino Paulo","company":"Isthmus Pastimes","addresses":{"office":"edificio 890 Avenida Demetrio Panama City Panama"}}',
    },
    note: `${COMPACT} The page heads the column "results"; the search names the field result.`,
  },
  {
    id: 'json-entries-basic',
    page: PAGE,
    quote: 'The following example returns a field named entries containing the array [{"key":"a","value":1},{"key":"b","value":2}] .',
    search: '| makeresults | eval entries=json_entries("{\\"a\\": 1, \\"b\\": 2}")',
    expected: { field: 'entries', value: '[{"key":"a","value":1},{"key":"b","value":2}]' },
  },
  {
    id: 'json-entries-records',
    page: PAGE,
    quote:
      'The results look like this: | _time | array_format | employee_record | | 2024-12-17 21:22:43 | [{"key":"name","value":"maria"},{"key":"age","value":25},{"key":"status","value":"full-time"}] | {"name":"maria","age":25,"status":"full-time"} | | 2024-12-17 21:22:43 | [{"key":"name","value":"charlie"},{"key":"age","value":21},{"key":"status","value":"part-time"}] | {"name":"charlie","age":21,"status":"part-time"} |',
    search:
      '| makeresults count=2 | streamstats count as n | eval employee_record=if(n==1, "{\\"name\\":\\"maria\\",\\"age\\":25,\\"status\\":\\"full-time\\"}", "{\\"name\\":\\"charlie\\",\\"age\\":21,\\"status\\":\\"part-time\\"}") | eval array_format = json_entries(employee_record) | table array_format',
    expected: {
      rows: [
        { array_format: '[{"key":"name","value":"maria"},{"key":"age","value":25},{"key":"status","value":"full-time"}]' },
        { array_format: '[{"key":"name","value":"charlie"},{"key":"age","value":21},{"key":"status","value":"part-time"}]' },
      ],
    },
  },
  {
    id: 'json-extend-strings',
    page: PAGE,
    quote:
      'The output of this eval statement is: { "fakeMovieBandList": [ "The Blues Brothers", "Spinal Tap", "Wyld Stallyns", "The Soggy Bottom Boys", "The Weird Sisters", "The Barden Bellas" ] }',
    search:
      '| makeresults | eval fakeBandsInMovies = json_object("fakeMovieBandList", json_array("The Blues Brothers", "Spinal Tap", "Wyld Stallyns")), updateBandList = json_extend(fakeBandsInMovies, "fakeMovieBandList", json_array("The Soggy Bottom Boys", "The Weird Sisters", "The Barden Bellas"))',
    expected: {
      field: 'updateBandList',
      value: '{"fakeMovieBandList":["The Blues Brothers","Spinal Tap","Wyld Stallyns","The Soggy Bottom Boys","The Weird Sisters","The Barden Bellas"]}',
    },
    note: COMPACT,
  },
  extract('whole', 'extracted_cities', '{}', CITIES, "the case's cities field holds the object {\"cities\": [...]}; spelunk reads {N} and {} as steps into an array, so a path that starts with one finds nothing in an object (see docs/semantics.md, json_extract)"),
  extract('first', 'London', '{0}', CITIES.cities[0], "the case's cities field holds the object {\"cities\": [...]}; spelunk reads {N} and {} as steps into an array, so a path that starts with one finds nothing in an object (see docs/semantics.md, json_extract)"),
  extract('third', 'San_Francisco', '{2}', CITIES.cities[2], "the case's cities field holds the object {\"cities\": [...]}; spelunk reads {N} and {} as steps into an array, so a path that starts with one finds nothing in an object (see docs/semantics.md, json_extract)"),
  extract('names', 'my_cities', '{}.name', ['London', 'Venice', 'San Francisco'], "the case's cities field holds the object {\"cities\": [...]}; spelunk reads {N} and {} as steps into an array, so a path that starts with one finds nothing in an object (see docs/semantics.md, json_extract)"),
  extract('bridges', 'Bridges', '{}.Bridges{}', CITIES.cities.flatMap((c) => c.Bridges), "the case's cities field holds the object {\"cities\": [...]}; spelunk reads {N} and {} as steps into an array, so a path that starts with one finds nothing in an object (see docs/semantics.md, json_extract)"),
  extract('bridge-names', 'Bridge_names', '{}.Bridges{}.name', CITIES.cities.flatMap((c) => c.Bridges.map((b) => b.name)), "the case's cities field holds the object {\"cities\": [...]}; spelunk reads {N} and {} as steps into an array, so a path that starts with one finds nothing in an object (see docs/semantics.md, json_extract)"),
  extract('gg-bridge', 'GG_Bridge', '{2}.Bridges{0}', { name: 'Golden Gate Bridge', length: 8981 }, "the case's cities field holds the object {\"cities\": [...]}; spelunk reads {N} and {} as steps into an array, so a path that starts with one finds nothing in an object (see docs/semantics.md, json_extract)"),
  extract('gg-length', 'GG_Bridge_length', '{2}.Bridges{0}.length', '8981', "the case's cities field holds the object {\"cities\": [...]}; spelunk reads {N} and {} as steps into an array, so a path that starts with one finds nothing in an object (see docs/semantics.md, json_extract)"),
  {
    id: 'json-has-key-exact',
    page: PAGE,
    quote: 'The following example returns has key , indicating that the name key exists in the provided JSON object.',
    search: '| makeresults | eval test=if(json_has_key_exact(json_object("name", "charlie"), "name"), "has key", "doesn\'t have key")',
    expected: { field: 'test', value: 'has key' },
  },
  {
    id: 'json-has-key-exact-dot',
    page: PAGE,
    quote: 'The following example returns has key , indicating that the "charlie.garcia" key exists in the provided JSON object.',
    search: '| makeresults | eval test=if(json_has_key_exact("{\\"charlie.garcia\\":10}", "charlie.garcia"), "has key", "doesn\'t have key")',
    expected: { field: 'test', value: 'has key' },
  },
  {
    id: 'json-has-key-exact-records',
    page: PAGE,
    quote:
      'The results look like this: | _time | employee_record | test_results | | 2024-12-17 21:22:43 | {"name":"maria","age":25,"status":"full-time"} | has key | | 2024-12-17 21:22:43 | {"name":"charlie","age":21,"region":"US"} | doesn\'t have key |',
    search:
      '| makeresults count=2 | streamstats count as n | eval employee_record=if(n==1, "{\\"name\\":\\"maria\\",\\"age\\":25,\\"status\\":\\"full-time\\"}", "{\\"name\\":\\"charlie\\",\\"age\\":21,\\"region\\":\\"US\\"}") | eval test_results=if(json_has_key_exact(employee_record, "status"), "has key", "doesn\'t have key") | table test_results',
    expected: { rows: [{ test_results: 'has key' }, { test_results: "doesn't have key" }] },
  },
  {
    id: 'json-keys',
    page: PAGE,
    quote: 'Here are the results of the search: | bridge_keys | | ["name", "length", "city", "country"] |',
    search:
      '| makeresults | eval bridges="{\\"name\\": \\"Clifton Suspension Bridge\\", \\"length\\": 1352, \\"city\\": \\"Bristol\\", \\"country\\": \\"England\\"}" | eval bridge_keys = json_keys(bridges)',
    expected: { field: 'bridge_keys', value: '["name","length","city","country"]' },
    note: COMPACT,
  },
  {
    id: 'json-set-exact',
    page: PAGE,
    quote: 'Suppose you want to have a JSON object that looks like this: {"system.splunk.path":"/opt/splunk"} To generate this object, you can use the makeresults command and the json_set_exact function as shown in the following search:',
    search: '| makeresults | eval my_object=json_object(), splunk_path=json_set_exact(my_object, "system.splunk.path", "/opt/splunk")',
    expected: { field: 'splunk_path', value: '{"system.splunk.path":"/opt/splunk"}' },
  },
  {
    id: 'json-set-dotted',
    page: PAGE,
    quote: 'If you use json_set in the preceding search you get this JSON object: {"system":{"splunk":{"path":"/opt/splunk"}}}',
    search: '| makeresults | eval my_object=json_object(), splunk_path=json_set(my_object, "system.splunk.path", "/opt/splunk")',
    expected: { field: 'splunk_path', value: '{"system":{"splunk":{"path":"/opt/splunk"}}}' },
  },
  {
    id: 'json-valid',
    page: PAGE,
    quote: 'The following example validates a JSON object { "names": ["maria", "arun"] } in the firstnames field.',
    search: '| makeresults | eval firstnames="{ \\"names\\": [\\"maria\\", \\"arun\\"] }" | eval IsValid = if(json_valid(firstnames), "true", "false")',
    expected: { field: 'IsValid', value: 'true' },
  },
];
