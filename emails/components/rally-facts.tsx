import { Link, Text } from "@react-email/components";
import { paragraph } from "./layout";

export type RallyFactsProps = {
  title: string;
  when: string;
  where: string;
  mapUrl: string | null;
  rallyUrl: string;
  calendarUrl: string;
  labels: { when: string; where: string; map: string; page: string; calendar: string };
};

/** Time and place of a rally, as every rally email states them, with the page and the calendar file. */
export function RallyFacts(p: RallyFactsProps) {
  return (
    <>
      <Text style={{ ...paragraph, fontWeight: 700, fontSize: "18px" }}>{p.title}</Text>
      <Text style={paragraph}>
        <strong>{p.labels.when}:</strong> {p.when}
        <br />
        <strong>{p.labels.where}:</strong> {p.where}
      </Text>
      <Text style={paragraph}>
        <Link href={p.rallyUrl}>{p.labels.page}</Link>
        {" · "}
        <Link href={p.calendarUrl}>{p.labels.calendar}</Link>
        {p.mapUrl && (
          <>
            {" · "}
            <Link href={p.mapUrl}>{p.labels.map}</Link>
          </>
        )}
      </Text>
    </>
  );
}

export const rallyFactsPreview: RallyFactsProps = {
  title: "Мирный митинг в поддержку политических заключённых",
  when: "воскресенье, 20 декабря 2026 г., 18:00–20:00 (Алматы, GMT+5)",
  where: "Алматы, парк имени 28 гвардейцев-панфиловцев, у входа с улицы Гоголя",
  mapUrl: "https://www.openstreetmap.org/?mlat=43.2589&mlon=76.9536",
  rallyUrl: "http://localhost:3000/ru/rallies/free-them",
  calendarUrl: "http://localhost:3000/api/v1/rallies/free-them/calendar.ics?locale=ru",
  labels: { when: "Когда", where: "Где", map: "Карта", page: "Страница митинга", calendar: "Добавить в календарь" },
};
