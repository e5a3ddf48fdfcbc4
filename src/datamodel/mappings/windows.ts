/** What every Windows event table shares: its time, and how XmlWinEventLog sets host, source and sourcetype. */
import type { MappingRule, TimeField } from '../mapping-table.js';

export const WINDOWS_EVENT_TIME: TimeField = { field: 'SystemTime', format: 'iso8601', shownAs: 'TimeCreated/@SystemTime' };

export const WINDOWS_EVENT_HOST: MappingRule = {
  field: 'host',
  transform: 'alias',
  from: ['Computer'],
  source: 'host = the forwarding machine, i.e. <Computer> for locally collected events [INF, AD replay metadata]',
};

export const XML_WIN_EVENT_LOG_SOURCE: MappingRule = {
  field: 'source',
  transform: 'prefix',
  from: ['Channel'],
  value: 'XmlWinEventLog:',
  source: 'ta-windows-fix-xml-source FORMAT = source::XmlWinEventLog:$1 on <Channel> [CONF WIN840, AD]',
};

export const XML_WIN_EVENT_LOG_SOURCETYPE: MappingRule = {
  field: 'sourcetype',
  transform: 'constant',
  from: [],
  value: 'XmlWinEventLog',
  source: 'ta-windows-fix-sourcetype truncates XmlWinEventLog:... to XmlWinEventLog [CONF WIN840, AD]',
};

/** host, source and sourcetype of an XmlWinEventLog event. */
export const XML_WIN_EVENT_LOG_METADATA: readonly MappingRule[] = [WINDOWS_EVENT_HOST, XML_WIN_EVENT_LOG_SOURCE, XML_WIN_EVENT_LOG_SOURCETYPE];

export const SYSMON_PROVIDER = 'Microsoft-Windows-Sysmon';
export const SYSMON_CHANNEL = 'Microsoft-Windows-Sysmon/Operational';
export const SECURITY_PROVIDER = 'Microsoft-Windows-Security-Auditing';
export const SECURITY_CHANNEL = 'Security';
