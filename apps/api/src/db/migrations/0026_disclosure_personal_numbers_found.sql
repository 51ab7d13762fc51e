ALTER TABLE "disclosures" ADD COLUMN "personal_numbers_found" boolean;--> statement-breakpoint
-- Backfill (issue 14): a published disclosure whose public texts (title, content, table, file names) hold no run of 11
-- or more digits, ASCII or full-width, with at most two other characters between digits (which covers every ID or
-- mobile number the scan finds, with its spaces, dashes, line breaks and the table's JSON escapes), has nothing to
-- mask: it is marked scanned clean. Any other row stays null and is masked on every view, as before.
UPDATE "disclosures" d SET "personal_numbers_found" = false
WHERE d."status" = 'published'
  AND concat_ws(' ', d."title", d."content", d."table"::text,
    (SELECT string_agg(f."name", ' ') FROM "disclosure_files" f WHERE f."disclosure_id" = d."id"))
    !~ '[0-9０-９]([^0-9０-９]{0,2}[0-9０-９]){10,}';
