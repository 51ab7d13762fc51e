-- 转为村民说事 (issue 20 point 3): a 党员联户 visit names the 村民说事 case it became; a deleted case leaves the visit unlinked.
-- (The generated diff also repeated the matters and showcases tables, whose snapshots were merged side by side; they
-- are created by 0051 and 0052, so only this branch's change is kept.)
ALTER TABLE "household_visits" ADD CONSTRAINT "household_visits_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE set null ON UPDATE no action;
