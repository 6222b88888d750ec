// The 2027 holidays and make-up workdays (调休) of the State Council's seven festivals.
//
// PROVISIONAL: the State Council's notice for 2027 (国务院办公厅关于2027年部分节假日安排的通知) could
// not be read when this was written. These dates apply the rules of the 2024 revision of the
// national holiday regulations (元旦 1 day, 春节 4 from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3;
// a statutory day on a weekend is made up on the next working day) and the pattern of the 2025 and
// 2026 notices (long breaks for 春节, 劳动节 and 国庆 bridged by weekend workdays; none for the
// one-day festivals) to the 2027 lunar dates: 除夕 Feb 5, 清明 Apr 5, 端午 Jun 9, 中秋 Sep 15.
// Support corrects any day in the console's holiday calendar once the notice is published.

type Day = { date: string; kind: "HOLIDAY" | "WORKDAY"; name: string };

const span = (from: string, to: string, name: string): Day[] => {
  const days: Day[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push({ date: new Date(t).toISOString().slice(0, 10), kind: "HOLIDAY", name });
  }
  return days;
};
const workday = (date: string, name: string): Day => ({ date, kind: "WORKDAY", name: `${name}调休上班` });

export const CALENDAR_2027: readonly Day[] = [
  ...span("2027-01-01", "2027-01-03", "元旦"),
  workday("2027-01-31", "春节"),
  ...span("2027-02-05", "2027-02-14", "春节"),
  workday("2027-02-20", "春节"),
  ...span("2027-04-03", "2027-04-05", "清明节"),
  ...span("2027-05-01", "2027-05-05", "劳动节"),
  workday("2027-05-08", "劳动节"),
  ...span("2027-06-09", "2027-06-09", "端午节"),
  ...span("2027-09-15", "2027-09-15", "中秋节"),
  workday("2027-09-26", "国庆节"),
  ...span("2027-10-01", "2027-10-07", "国庆节"),
  workday("2027-10-09", "国庆节"),
];
