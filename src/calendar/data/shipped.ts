/**
 * The State Council's holiday arrangements (国务院办公厅关于YYYY年部分节假日安排的通知) bundled with the platform,
 * 2019 (the year the 政府信息公开条例 revision took effect) through 2026. DOMAIN.md §10.
 *
 * Only exceptions to Monday–Friday are listed: `off` = weekdays off, `work` = Saturdays/Sundays worked (调休).
 * Weekend days inside a holiday need no entry. Dates are written `MM-DD` inside their year and expanded below;
 * the validator (validate.ts) and a test check every year (weekday/weekend, no overlap, inside the year).
 *
 * Parts of an arrangement that fall in the previous calendar year (2019 元旦: 2018-12-29 worked, 2018-12-31 off;
 * 2023 元旦 starting Saturday 2022-12-31) belong to that year's calendar, which is not shipped.
 *
 * Changing these data changes legal deadlines: bump SHIPPED_CALENDAR_VERSION and say why in the commit.
 */
import type { LocalDate } from '../../platform/time.ts';
import type { CalendarDay, YearArrangement } from '../types.ts';

/** Version of the bundled data; bump whenever a shipped year is added or corrected. */
export const SHIPPED_CALENDAR_VERSION = 1;

/** Festival names as the notices head their items (combined items keep the notice's order). */
export type FestivalName =
  | '元旦'
  | '春节'
  | '清明节'
  | '劳动节'
  | '端午节'
  | '中秋节'
  | '国庆节'
  | '国庆节、中秋节'
  | '中秋节、国庆节';

/** A State Council notice: its title and document number (文号). */
export interface Notice {
  title: string;
  number: string;
}

/** One exception day of a shipped year. */
export interface ShippedDay extends CalendarDay {
  name: FestivalName;
}

/** A shipped year: the notices it comes from and its exception days, sorted by date. */
export interface ShippedYear extends YearArrangement {
  notices: readonly Notice[];
  days: ShippedDay[];
}

interface FestivalItem {
  name: FestivalName;
  /** weekdays off, `MM-DD` */
  off: readonly string[];
  /** weekend days worked, `MM-DD` */
  work: readonly string[];
}

const notice = (year: number, number: string): Notice => ({
  title: `国务院办公厅关于${year}年部分节假日安排的通知`,
  number,
});

function shippedYear(year: number, notices: readonly Notice[], items: readonly FestivalItem[]): ShippedYear {
  const days: ShippedDay[] = [];
  const at = (md: string): LocalDate => `${year}-${md}`;
  for (const item of items) {
    for (const md of item.off) days.push({ date: at(md), kind: 'holiday', name: item.name });
    for (const md of item.work) days.push({ date: at(md), kind: 'workday', name: item.name });
  }
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    year,
    source: notices.map((n) => `${n.title}（${n.number}）`).join('；'),
    notices,
    days,
  };
}

/** Every bundled year, oldest first. */
export const SHIPPED_YEARS: readonly ShippedYear[] = [
  shippedYear(
    2019,
    [
      notice(2019, '国办发明电〔2018〕15号'),
      // Revised May Day from one day to four (5月1日至4日, 4月28日、5月5日 Sundays worked), issued 2019-03-22.
      { title: '国务院办公厅关于调整2019年劳动节假期安排的通知', number: '国办发明电〔2019〕3号' },
    ],
    [
      { name: '元旦', off: ['01-01'], work: [] },
      { name: '春节', off: ['02-04', '02-05', '02-06', '02-07', '02-08'], work: ['02-02', '02-03'] },
      { name: '清明节', off: ['04-05'], work: [] },
      { name: '劳动节', off: ['05-01', '05-02', '05-03'], work: ['04-28', '05-05'] },
      { name: '端午节', off: ['06-07'], work: [] },
      { name: '中秋节', off: ['09-13'], work: [] },
      { name: '国庆节', off: ['10-01', '10-02', '10-03', '10-04', '10-07'], work: ['09-29', '10-12'] },
    ],
  ),
  shippedYear(
    2020,
    [
      notice(2020, '国办发明电〔2019〕16号'),
      // COVID-19: Spring Festival extended to Sunday 2 February; Friday 1-31 off and Saturday 2-1 no longer worked.
      { title: '国务院办公厅关于延长2020年春节假期的通知', number: '国办发明电〔2020〕1号' },
    ],
    [
      { name: '元旦', off: ['01-01'], work: [] },
      { name: '春节', off: ['01-24', '01-27', '01-28', '01-29', '01-30', '01-31'], work: ['01-19'] },
      { name: '清明节', off: ['04-06'], work: [] },
      { name: '劳动节', off: ['05-01', '05-04', '05-05'], work: ['04-26', '05-09'] },
      { name: '端午节', off: ['06-25', '06-26'], work: ['06-28'] },
      {
        name: '国庆节、中秋节',
        off: ['10-01', '10-02', '10-05', '10-06', '10-07', '10-08'],
        work: ['09-27', '10-10'],
      },
    ],
  ),
  shippedYear(
    2021,
    [notice(2021, '国办发明电〔2020〕27号')],
    [
      { name: '元旦', off: ['01-01'], work: [] },
      { name: '春节', off: ['02-11', '02-12', '02-15', '02-16', '02-17'], work: ['02-07', '02-20'] },
      { name: '清明节', off: ['04-05'], work: [] },
      { name: '劳动节', off: ['05-03', '05-04', '05-05'], work: ['04-25', '05-08'] },
      { name: '端午节', off: ['06-14'], work: [] },
      { name: '中秋节', off: ['09-20', '09-21'], work: ['09-18'] },
      { name: '国庆节', off: ['10-01', '10-04', '10-05', '10-06', '10-07'], work: ['09-26', '10-09'] },
    ],
  ),
  shippedYear(
    2022,
    [notice(2022, '国办发明电〔2021〕11号')],
    [
      { name: '元旦', off: ['01-03'], work: [] },
      { name: '春节', off: ['01-31', '02-01', '02-02', '02-03', '02-04'], work: ['01-29', '01-30'] },
      { name: '清明节', off: ['04-04', '04-05'], work: ['04-02'] },
      { name: '劳动节', off: ['05-02', '05-03', '05-04'], work: ['04-24', '05-07'] },
      { name: '端午节', off: ['06-03'], work: [] },
      { name: '中秋节', off: ['09-12'], work: [] },
      { name: '国庆节', off: ['10-03', '10-04', '10-05', '10-06', '10-07'], work: ['10-08', '10-09'] },
    ],
  ),
  shippedYear(
    2023,
    [notice(2023, '国办发明电〔2022〕16号')],
    [
      { name: '元旦', off: ['01-02'], work: [] },
      { name: '春节', off: ['01-23', '01-24', '01-25', '01-26', '01-27'], work: ['01-28', '01-29'] },
      { name: '清明节', off: ['04-05'], work: [] },
      { name: '劳动节', off: ['05-01', '05-02', '05-03'], work: ['04-23', '05-06'] },
      { name: '端午节', off: ['06-22', '06-23'], work: ['06-25'] },
      {
        name: '中秋节、国庆节',
        off: ['09-29', '10-02', '10-03', '10-04', '10-05', '10-06'],
        work: ['10-07', '10-08'],
      },
    ],
  ),
  shippedYear(
    2024,
    [notice(2024, '国办发明电〔2023〕7号')],
    [
      { name: '元旦', off: ['01-01'], work: [] },
      { name: '春节', off: ['02-12', '02-13', '02-14', '02-15', '02-16'], work: ['02-04', '02-18'] },
      { name: '清明节', off: ['04-04', '04-05'], work: ['04-07'] },
      { name: '劳动节', off: ['05-01', '05-02', '05-03'], work: ['04-28', '05-11'] },
      { name: '端午节', off: ['06-10'], work: [] },
      { name: '中秋节', off: ['09-16', '09-17'], work: ['09-14'] },
      { name: '国庆节', off: ['10-01', '10-02', '10-03', '10-04', '10-07'], work: ['09-29', '10-12'] },
    ],
  ),
  shippedYear(
    2025,
    [notice(2025, '国办发明电〔2024〕12号')],
    [
      { name: '元旦', off: ['01-01'], work: [] },
      { name: '春节', off: ['01-28', '01-29', '01-30', '01-31', '02-03', '02-04'], work: ['01-26', '02-08'] },
      { name: '清明节', off: ['04-04'], work: [] },
      { name: '劳动节', off: ['05-01', '05-02', '05-05'], work: ['04-27'] },
      { name: '端午节', off: ['06-02'], work: [] },
      {
        name: '国庆节、中秋节',
        off: ['10-01', '10-02', '10-03', '10-06', '10-07', '10-08'],
        work: ['09-28', '10-11'],
      },
    ],
  ),
  shippedYear(
    2026,
    [notice(2026, '国办发明电〔2025〕7号')],
    [
      { name: '元旦', off: ['01-01', '01-02'], work: ['01-04'] },
      { name: '春节', off: ['02-16', '02-17', '02-18', '02-19', '02-20', '02-23'], work: ['02-14', '02-28'] },
      { name: '清明节', off: ['04-06'], work: [] },
      { name: '劳动节', off: ['05-01', '05-04', '05-05'], work: ['05-09'] },
      { name: '端午节', off: ['06-19'], work: [] },
      { name: '中秋节', off: ['09-25'], work: [] },
      { name: '国庆节', off: ['10-01', '10-02', '10-05', '10-06', '10-07'], work: ['09-20', '10-10'] },
    ],
  ),
];
