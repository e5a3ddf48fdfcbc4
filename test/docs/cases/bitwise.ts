/** Bitwise functions (eval). */
import { marked, page, type DocCase } from './types.js';

const PAGE = page('evaluation-functions/bitwise-functions');

/** One row of the page's bit_shift_left table: `call` gives `value` (null: no value). */
const shiftRow = (name: string, call: string, value: string | null, row: string, knownDifference?: string): DocCase => ({
  id: `bit-shift-table-${name}`,
  page: PAGE,
  quote: `The following table provides examples of left-shift functions to help you understand the results. ... ${row}`,
  search: `| makeresults | eval result = ${call}`,
  expected: { field: 'result', value },
  ...marked(knownDifference),
});

export const bitwiseCases: DocCase[] = [
  {
    id: 'bit-and',
    page: PAGE,
    quote: 'For example, the result of the following search is 8 . ... | makeresults | eval result = bit_and(12, 9)',
    search: '| makeresults | eval result = bit_and(12, 9)',
    expected: { field: 'result', value: '8' },
  },
  {
    id: 'bit-or',
    page: PAGE,
    quote: 'For example, the result of the following search is 6 . ... | makeresults | eval result = bit_or(4, 2)',
    search: '| makeresults | eval result = bit_or(4, 2)',
    expected: { field: 'result', value: '6' },
  },
  {
    id: 'bit-not-mask',
    page: PAGE,
    quote:
      'The results look something like this: | _time | long_binary | long_result | short_binary | short_result | | 2022-09-05 11:12:53 | 11111111111111111111111111111111111111111111111110110 | 9007199254740982 | 110 | 6 |',
    search:
      '| makeresults | eval long_result = bit_not(9), short_result = bit_not(9, tonumber("1111", 2)) | eval long_binary = tostring(long_result, "binary"), short_binary = tostring(short_result, "binary")',
    expected: {
      fields: {
        long_binary: '11111111111111111111111111111111111111111111111110110',
        long_result: '9007199254740982',
        short_binary: '110',
        short_result: '6',
      },
    },
  },
  {
    id: 'bit-xor',
    page: PAGE,
    quote: 'For example, the result of the following function is 1 . ... | makeresults | eval result = bit_xor(3, 2)',
    search: '| makeresults | eval result = bit_xor(3, 2)',
    expected: { field: 'result', value: '1' },
  },
  {
    id: 'bit-shift-left',
    page: PAGE,
    quote: 'For example, the result of the following search is 4 . ... | makeresults | eval result = bit_shift_left(2, 1)',
    search: '| makeresults | eval result = bit_shift_left(2, 1)',
    expected: { field: 'result', value: '4' },
  },
  {
    id: 'bit-shift-left-53',
    page: PAGE,
    quote: 'The search results look something like this: | _time | result | | 2022-08-22 13:39:24 | 0 |',
    search: '| makeresults | eval result = bit_shift_left(1, 53)',
    expected: { field: 'result', value: '0' },
  },
  shiftRow('3-1', 'bit_shift_left(3, 1)', '6', '| bit_shift_left(3, 1) | 00000000 ... 00000110 | 6 |'),
  shiftRow('3-52', 'bit_shift_left(3, 52)', '4503599627370496', '| bit_shift_left(3, 52) | 110000000 00000000 ... 00000000 | 4503599627370496 |'),
  shiftRow('3-57', 'bit_shift_left(3, 57)', '0', '| bit_shift_left(3, 57) | 00000000 ... 00000000 | 0 |'),
  shiftRow('3-max', 'bit_shift_left(3, pow(2,53)-1)', '0', '| bit_shift_left(3, 253-1) | 00000000 ... 00000000 | 0 |'),
  shiftRow('3-2p53', 'bit_shift_left(3, pow(2,53))', null, '| bit_shift_left(3, 253) |  | null |'),
  shiftRow('67-1', 'bit_shift_left(67, 1)', '134', '| bit_shift_left(67, 1) | 00000000 ... 10000110 | 134 |'),
  shiftRow('2p53-1', 'bit_shift_left(pow(2,53), 1)', null, '| bit_shift_left(253, 1) |  | null |'),
  shiftRow('negative-offset', 'bit_shift_left(3, -2)', null, '| bit_shift_left(3, -2) |  | null |'),
  shiftRow('negative-value', 'bit_shift_right(-3, 1)', null, '| bit_shift_right(-3, 1) |  | null |'),
  {
    id: 'bit-shift-right',
    page: PAGE,
    quote: 'For example, the result of the following function is 2 . ... | makeresults | eval result = bit_shift_right(4, 1)',
    search: '| makeresults | eval result = bit_shift_right(4, 1)',
    expected: { field: 'result', value: '2' },
  },
  {
    id: 'bit-example-and-or-xor',
    page: PAGE,
    quote: 'The results look something like this: | _time | AND_result | OR_result | XOR_result | | 2022-09-02 13:44:21 | 4 | 6 | 2 |',
    search: '| makeresults | eval AND_result = bit_and(4, 6), OR_result = bit_or(4, 6), XOR_result = bit_xor(4, 6)',
    expected: { fields: { AND_result: '4', OR_result: '6', XOR_result: '2' } },
  },
  {
    id: 'bit-example-shifts',
    page: PAGE,
    quote: 'The results look something like this: | _time | LEFT_result | RIGHT_result | | 2022-09-02 13:44:21 | 4 | 1 |',
    search: '| makeresults | eval LEFT_result = bit_shift_left(2,1), RIGHT_result = bit_shift_right(2,1)',
    expected: { fields: { LEFT_result: '4', RIGHT_result: '1' } },
  },
  {
    id: 'bit-example-binary-string',
    page: PAGE,
    quote: 'The results look something like this: | _time | LEFT_result | string | | 2022-09-02 11:23:43 | 4 | 100 |',
    search: '| makeresults | eval LEFT_result = bit_shift_left(2,1) | eval string = tostring(LEFT_result, "binary")',
    expected: { fields: { LEFT_result: '4', string: '100' } },
  },
  {
    id: 'bit-example-not',
    page: PAGE,
    quote:
      'The results look something like this: | _time | NOT_result | string | | 2022-09-02 09:52:12 | 9007199254740982 | 11111111111111111111111111111111111111111111111110110 |',
    search: '| makeresults | eval NOT_result = bit_not(9) | eval string = tostring(NOT_result, "binary")',
    expected: { fields: { NOT_result: '9007199254740982', string: '11111111111111111111111111111111111111111111111110110' } },
  },
  {
    id: 'bit-example-not-mask',
    page: PAGE,
    quote: 'The results look something like this: | _time | NOT_result | string | | 2022-09-02 09:52:12 | 6 | 110 |',
    search: '| makeresults | eval NOT_result = bit_not(9, tonumber("111",2)) | eval string = tostring(NOT_result, "binary")',
    expected: { fields: { NOT_result: '6', string: '110' } },
  },
  {
    id: 'bit-example-out-of-range',
    page: PAGE,
    quote:
      'The search returns only the value for max_supported_val and the value for the result field is not displayed. This is because result is outside of the supported range of values, so the function returns null.',
    search: '| makeresults | eval max_supported_val = pow(2, 53)-1 | eval result = bit_and(max_supported_val + 1, 1)',
    expected: { fields: { max_supported_val: '9007199254740991', result: null } },
  },
  {
    id: 'bit-example-set-flags',
    page: PAGE,
    quote: 'The results look something like this: | _time | flags | result | | 2022-09-05 12:19:03 | 00010 | 11011 |',
    search:
      '| makeresults | eval flags = "00010", result = tonumber(flags, 2) | eval result = bit_or(result, tonumber("11001", 2)) | eval result = tostring(result, "binary")',
    expected: { fields: { flags: '00010', result: '11011' } },
  },
  {
    id: 'bit-example-matching-bits',
    page: PAGE,
    quote:
      'The results look something like this: | _time | bin_number1 | bin_number2 | matching_bits | number1 | number2 | | 2022-09-05 10:15:26 | 10011 | 10001 | 11101 | 19 | 17 |',
    search:
      '| makeresults | eval bin_number1 = "10011", bin_number2 = "10001", number1 = tonumber(bin_number1, 2), number2 = tonumber(bin_number2, 2) | eval matching_bits = bit_xor(number1, number2) | eval matching_bits = bit_not(matching_bits, tonumber("11111",2)) | eval matching_bits = tostring(matching_bits, "binary")',
    expected: { fields: { bin_number1: '10011', bin_number2: '10001', matching_bits: '11101', number1: '19', number2: '17' } },
  },
  {
    id: 'bit-example-append-flag',
    page: PAGE,
    quote: 'The results look something like this: | _time | flags | flag_bool | result | | 2022-09-05 12:19:20 | 10001 | 1 | 100011 |',
    search:
      '| makeresults | eval flags = "10001", result = tonumber(flags, 2), flag_bool = 1 | eval result = bit_shift_left(result, 1) | eval result = bit_or(result, flag_bool) | eval result = tostring(result, "binary")',
    expected: { fields: { flags: '10001', flag_bool: '1', result: '100011' } },
  },
  {
    id: 'bit-example-nested',
    page: PAGE,
    quote: 'The results look something like this: | _time | result | StreamId | | 2022-09-05 11:21:02 | 1964306844 | 2880123815697639 |',
    search:
      '| makeresults | eval streamId = tonumber("0xa3b7514f19ce7", 16), result = bit_and(bit_shift_right(streamId,8), tonumber("0xFFFFFFFF",16))',
    expected: { fields: { result: '1964306844', streamId: '2880123815697639' } },
    note: 'The page heads the column StreamId; the search names the field streamId (see the report).',
  },
];
