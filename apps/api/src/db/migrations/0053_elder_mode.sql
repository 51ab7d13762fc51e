-- 适老化 (issue 21 point 3): the user's own choice of large text, kept with the account so it follows them to any device.
ALTER TABLE "users" ADD COLUMN "elder_mode" boolean DEFAULT false NOT NULL;