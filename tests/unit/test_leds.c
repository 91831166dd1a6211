/* When a partner's button LED glows, blinks and stays dark. */
#include "core/leds.h"
#include "harness.h"

static void test_hours(void)
{
	CHECK(led_hour_in(20, 20, 22));
	CHECK(!led_hour_in(22, 20, 22));
	CHECK(led_hour_in(23, 22, 6)); /* wraps past midnight */
	CHECK(led_hour_in(0, 22, 6));
	CHECK(led_hour_in(5, 22, 6));
	CHECK(!led_hour_in(6, 22, 6));
	CHECK(!led_hour_in(12, 22, 6));
	CHECK(!led_hour_in(3, 4, 4)); /* an empty window */
}

static void test_glow(void)
{
	struct led_hours h = { 20, 22, 6 };
	CHECK(!led_glow(&h, 19, true, false)); /* before the evening */
	CHECK(led_glow(&h, 20, true, false));
	CHECK(led_glow(&h, 21, true, false));
	CHECK(!led_glow(&h, 21, true, true));  /* done: dark */
	CHECK(!led_glow(&h, 21, false, false)); /* no moment today */
	CHECK(!led_glow(&h, 22, true, false)); /* night */
	CHECK(!led_glow(&h, 2, true, false));
	CHECK(!led_glow(&h, 7, true, false));
	/* an evening that runs past midnight, night from 1 */
	struct led_hours late = { 21, 1, 7 };
	CHECK(led_glow(&late, 23, true, false));
	CHECK(led_glow(&late, 0, true, false));
	CHECK(!led_glow(&late, 1, true, false));
	CHECK(!led_glow(&late, 12, true, false));
}

static void test_blink(void)
{
	CHECK(led_level(true, 100, 0));
	CHECK(!led_level(false, 100, 0));
	CHECK(led_level(false, 100, 100 + LED_BLINK_MS));  /* dark LED lights up once */
	CHECK(!led_level(true, 100, 100 + LED_BLINK_MS));  /* glowing LED goes dark once */
	CHECK(!led_level(false, 100 + LED_BLINK_MS, 100 + LED_BLINK_MS)); /* and back */
}

int main(void)
{
	test_hours();
	test_glow();
	test_blink();
	return harness_report();
}
