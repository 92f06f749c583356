import type { ReactNode } from "react";
import { TableWrap } from "./table-wrap";

/** One column of a {@link StackTable}: its header and how a row fills its cell. */
export type StackColumn<Row> = {
  /** The column header; in the stacked layout (narrow screens) each cell shows it before its value. */
  label: string;
  cell: (row: Row) => ReactNode;
  /** The cells name their row: `<th scope="row">`, shown without a label when stacked. */
  rowHeader?: boolean;
  /** A column of buttons: the header is for screen readers only and the cells carry no label when stacked. */
  actions?: boolean;
  /** The value speaks for itself (an address): no label before it when stacked. */
  unlabelled?: boolean;
  className?: string;
};

type Props<Row> = {
  /** The table's accessible name (and its scrolling region's). */
  label: string;
  columns: StackColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowTestId?: (row: Row) => string;
  /** In a region that scrolls sideways between the stacked layout and a wide screen; off for a narrow table. */
  scroll?: boolean;
};

/**
 * A dashboard table whose rows become stacked blocks on a narrow screen (`.stack-table` in public/styles.css):
 * the header row is hidden there, so each data cell carries its column's label in `data-label`.
 */
export function StackTable<Row>({ label, columns, rows, rowKey, rowTestId, scroll = true }: Props<Row>) {
  const table = (
    <table className="stack-table" aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.label} scope="col">
              {c.actions ? <span className="visually-hidden">{c.label}</span> : c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} data-testid={rowTestId?.(row)}>
            {columns.map((c) =>
              c.rowHeader ? (
                <th key={c.label} scope="row" className={c.className}>
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.label} className={c.className} data-label={c.actions || c.unlabelled ? undefined : c.label}>
                  {c.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return scroll ? <TableWrap label={label}>{table}</TableWrap> : table;
}
