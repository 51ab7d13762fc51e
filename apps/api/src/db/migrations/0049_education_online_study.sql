-- 线上学习 (issue 19 point 3): online study is a kind of training session (one per branch, platform and month), so the
-- kind CHECK gains online_study and a partial unique index keys the month's session. The row-level policies of 0046
-- cover these sessions and their attendee lines unchanged.
ALTER TABLE "training_sessions" DROP CONSTRAINT "training_sessions_kind_check";--> statement-breakpoint
CREATE UNIQUE INDEX "training_sessions_online_uq" ON "training_sessions" USING btree ("organization_id","title","starts_on") WHERE "training_sessions"."kind" = 'online_study';--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_kind_check" CHECK ("kind" in ('rotation_town', 'rotation_county', 'branch_study', 'dengta_class', 'institute_course', 'field_school', 'candidate_training', 'online_study'));