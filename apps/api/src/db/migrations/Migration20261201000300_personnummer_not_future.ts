import { Migration } from '@mikro-orm/migrations';

/**
 * A personnummer's birth date is never after today (the date in Sweden), samordningsnummer (day +
 * 60) included. Same name and signature, so the CHECKs that use it keep using it. STABLE, not
 * IMMUTABLE: it reads the date; a number valid once stays valid, as dates only move into the past.
 */
export class Migration20261201000300_personnummer_not_future extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE OR REPLACE FUNCTION is_valid_personnummer(pnr text) RETURNS boolean
LANGUAGE plpgsql STABLE STRICT AS $$
DECLARE
  y int; m int; d int; s int := 0; digit int;
BEGIN
  IF pnr !~ '^[0-9]{12}$' THEN RETURN false; END IF;
  y := substr(pnr, 1, 4)::int; m := substr(pnr, 5, 2)::int; d := substr(pnr, 7, 2)::int;
  IF d > 60 THEN d := d - 60; END IF;
  IF y < 1850 OR m < 1 OR m > 12 OR d < 1
     OR d > extract(day FROM make_date(y, m, 1) + interval '1 month - 1 day') THEN
    RETURN false;
  END IF;
  IF make_date(y, m, d) > (now() AT TIME ZONE 'Europe/Stockholm')::date THEN RETURN false; END IF;
  FOR i IN 3..11 LOOP
    digit := substr(pnr, i, 1)::int * CASE WHEN (i - 3) % 2 = 0 THEN 2 ELSE 1 END;
    IF digit > 9 THEN digit := digit - 9; END IF;
    s := s + digit;
  END LOOP;
  RETURN (10 - s % 10) % 10 = substr(pnr, 12, 1)::int;
END $$;
`);
  }
}
