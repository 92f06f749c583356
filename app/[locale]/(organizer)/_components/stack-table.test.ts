import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StackTable, type StackColumn } from "./stack-table";

type Row = { id: string; email: string; role: string };
const rows: Row[] = [{ id: "1", email: "a@example.org", role: "Admin" }];
const render = (columns: StackColumn<Row>[], scroll?: boolean) =>
  renderToStaticMarkup(createElement(StackTable<Row>, { label: "Accounts", columns, rows, rowKey: (r) => r.id, rowTestId: (r) => `row-${r.id}`, scroll }));

describe("stack table", () => {
  it("is a named table whose data cells carry their column's label for the stacked layout", () => {
    const html = render([
      { label: "Email", unlabelled: true, className: "people-email", cell: (r) => r.email },
      { label: "Role", cell: (r) => r.role },
      { label: "Actions", actions: true, cell: () => createElement("button", { type: "button" }, "Remove") },
    ]);
    expect(html).toContain('<table class="stack-table" aria-label="Accounts">');
    expect(html).toContain('<th scope="col">Email</th><th scope="col">Role</th><th scope="col"><span class="visually-hidden">Actions</span></th>');
    expect(html).toContain('<tr data-testid="row-1"><td class="people-email">a@example.org</td><td data-label="Role">Admin</td><td><button type="button">Remove</button></td></tr>');
  });

  it("scrolls in a named, focusable region unless told not to, and can head each row", () => {
    const columns: StackColumn<Row>[] = [
      { label: "Email", rowHeader: true, cell: (r) => r.email },
      { label: "Role", cell: (r) => r.role },
    ];
    expect(render(columns)).toMatch(/^<div class="table-wrap" role="region" aria-label="Accounts" tabindex="0"><table/);
    const bare = render(columns, false);
    expect(bare).toMatch(/^<table/);
    expect(bare).toContain('<th scope="row">a@example.org</th><td data-label="Role">Admin</td>');
  });
});
