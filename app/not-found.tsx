import { stylesheetHref } from "@/app/_components/stylesheet";

// Reached only for paths outside any locale (the proxy sends everything else to /<locale>/…).
export default function RootNotFound() {
  return (
    <html lang="en">
      <head>
        <title>Page not found · Qoldau</title>
        <link rel="stylesheet" href={stylesheetHref()} />
      </head>
      <body>
        <main className="container">
          <h1>Page not found</h1>
          <p lang="en">We could not find this page.</p>
          <ul className="links">
            <li><a href="/ru" hrefLang="ru" lang="ru">На главную</a></li>
            <li><a href="/kk" hrefLang="kk" lang="kk">Басты бетке</a></li>
            <li><a href="/en" hrefLang="en" lang="en">Go to the home page</a></li>
          </ul>
        </main>
      </body>
    </html>
  );
}
