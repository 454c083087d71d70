"""Development corpus: answers to the failure questions (see corpus_spec.py for the markup)."""

from __future__ import annotations

from corpus_spec import Answer

S, T, A, R = "situation", "task", "action", "result"

FAILURE: tuple[Answer, ...] = (
    # ---- names its parts, no red flags ------------------------------------------------------
    Answer(
        name="f_cache_keys",
        question_id="failure-time-you-failed",
        description="Backend engineer whose cache change served one customer's data to another; "
        "names the parts, owns it, numbers in the result.",
        names_parts=True,
        sections=(
            (S, (
                "{So} the situation was, I was about eight months into my first backend job, at a "
                "company that sold booking software to dental clinics.",
                "I had written a caching layer to speed up the calendar page, and I was pretty "
                "proud of it.",
            )),
            (T, (
                "My task was to get the calendar loading in under a second, because clinics were "
                "complaining it took five or six.",
            )),
            (A, (
                "What I did was build the cache keys from the date and the room number, and I "
                "forgot to put the clinic in the key.",
                "Two days after release a receptionist called us because she could see "
                "appointments from a clinic in another city.",
                "I pulled the change within ten minutes, and then I went to my lead and told her "
                "it was my key design that caused it.",
                "I wrote up exactly which clinics could have seen which records, and I sat with "
                "our privacy officer while she contacted each one.",
            )),
            (R, (
                "The result was that eleven clinics were affected, nobody's data left those "
                "screens, and we kept every customer.",
                "What I took from it is that a cache is a security boundary, not just a speed "
                "trick.",
                "Now every cache key I write starts with the tenant, and I added a test that fails "
                "the build if it doesn't.",
            )),
        ),
        strengths=(
            ("owned_mistake", "it was my key design that caused it"),
            ("transparency", "I went to my lead and told her"),
            ("quantified_result", "eleven clinics were affected"),
            ("learning", "What I took from it is that a cache is a security boundary"),
            ("change", "Now every cache key I write starts with the tenant"),
        ),
        features=("numbers",),
    ),
    Answer(
        name="f_conference_budget",
        question_id="failure-project-not-as-planned",
        description="Event planner who overspent a conference budget; names the parts, fillers "
        "and traps ('I would like to', 'so that').",
        names_parts=True,
        sections=(
            (S, (
                "{Um,} the situation was a regional sales conference that I was organising for "
                "about three hundred people.",
                "It was the first event I had run on my own, {uh,} without my director checking "
                "every booking.",
            )),
            (T, (
                "My task was to keep the whole thing under sixty thousand pounds, and my director "
                "had been really clear that the number was fixed.",
            )),
            (A, (
                "{So,} the action part is where it went wrong.",
                "I booked the venue and the catering early so that we would get a discount, but I "
                "never added up the audio and video costs until three weeks out.",
                "When I did, we were about nine thousand over.",
                "I would like to say I had a clever fix, but honestly I went straight to my "
                "director with the spreadsheet and said I had missed it.",
                "Then I renegotiated the catering down to two courses, dropped the printed "
                "programmes, and asked one sponsor to cover the screens.",
            )),
            (R, (
                "In the end we came in two thousand over instead of nine, and the feedback scores "
                "were actually the highest the event had had.",
                "I learned to build the full budget before I book anything.",
                "Since then I use a checklist of every cost line, and I send it to my director "
                "before the first deposit goes out.",
            )),
        ),
        strengths=(
            ("owned_mistake", "said I had missed it"),
            ("quantified_result", "two thousand over instead of nine"),
            ("learning", "I learned to build the full budget"),
            ("change", "Since then I use a checklist"),
        ),
        traps=(("so", "early so that we"), ("like", "I would like to say")),
        features=("numbers", "fillers"),
    ),
    Answer(
        name="f_nurse_handover",
        question_id="failure-mistake-affected-others",
        description="Ward nurse whose handover left out an allergy; names the parts, slow and "
        "careful, a long pause.",
        names_parts=True,
        sections=(
            (S, (
                "The situation: I was a staff nurse on a surgical ward, working nights.",
                "At handover one morning I was tired, and I gave the day team a verbal summary "
                "instead of going through the written notes.",
            )),
            (T, (
                "{Um,} part of my job at handover was to flag every allergy and every change in "
                "medication for each patient.",
            )),
            (A, (
                "{Uh,} I left out that one patient had reacted to a painkiller overnight.",
                "About an hour later the day nurse was about to give the same drug, and the "
                "patient stopped her.",
                "[2.5] When I heard, I came back in before I went home, and I filled in an "
                "incident report myself that same morning.",
                "I phoned the ward manager and told her it was my handover that had missed it.",
                "I also asked if I could help redesign the handover sheet, because I knew I was "
                "not the only one skipping it on a bad night.",
            )),
            (R, (
                "Nobody was harmed, and the new sheet, with a box for overnight reactions, is now "
                "used on all four surgical wards.",
                "I learned that being tired is exactly when I need the written process most.",
                "Now I never do a handover from memory, even when I know the patients well.",
            )),
        ),
        strengths=(
            ("owned_mistake", "it was my handover that had missed it"),
            ("transparency", "I filled in an incident report myself"),
            ("learning", "I learned that being tired"),
            ("change", "Now I never do a handover from memory"),
        ),
    ),
    Answer(
        name="f_feedback_slides",
        question_id="failure-negative-feedback",
        description="Analyst told her presentations were too dense; names the parts, "
        "lexical fillers in context, trap 'looked like'.",
        names_parts=True,
        sections=(
            (S, (
                "{So} the situation was my mid-year review, about a year into an analyst role at "
                "an insurance company.",
                "My manager said my analysis was solid, but that senior people stopped listening "
                "halfway through my presentations.",
            )),
            (T, (
                "My task, {basically,} was to get the same findings across in a way that busy "
                "people would actually act on.",
            )),
            (A, (
                "The first thing I did was ask her for two examples, and she showed me a deck "
                "where every slide looked like a spreadsheet.",
                "I went back through my last five decks, and, {you know,} she was right, they had "
                "forty or fifty numbers on a page.",
                "I started writing the one sentence I wanted people to remember at the top of "
                "each slide, and I moved the tables to the back.",
                "I also asked a colleague in marketing to sit in on a rehearsal and stop me every "
                "time she got lost.",
            )),
            (R, (
                "The result was that my next quarterly review ran twenty minutes instead of an "
                "hour, and the claims director approved both of my recommendations in the room.",
                "I learned that clear is not the same as complete.",
                "These days I rehearse every big presentation with someone outside the team "
                "first.",
            )),
        ),
        strengths=(
            ("quantified_result", "twenty minutes instead of an hour"),
            ("learning", "I learned that clear is not the same as complete"),
            ("change", "These days I rehearse every big presentation"),
        ),
        traps=(("like", "looked like a spreadsheet"),),
        features=("fillers",),
    ),
    Answer(
        name="f_wrong_vendor",
        question_id="failure-admitting-wrong",
        description="Operations lead who pushed for a cheap scanning vendor and had to reverse "
        "it; names the parts, run-on sentences.",
        names_parts=True,
        sections=(
            (S, (
                "Okay, {so} the situation was that our warehouse needed new handheld scanners, and "
                "I was the one who made the case for the cheapest supplier, and I made it pretty "
                "loudly in front of the regional director.",
            )),
            (T, (
                "My task after we bought them was to get all three shifts using them within a "
                "month, and I was accountable for the pick rate not dropping while we switched.",
            )),
            (A, (
                "Within two weeks the scanners were dropping their connection every few minutes, "
                "and the pick rate fell by about fifteen percent, and the night shift supervisor "
                "told me straight that the devices were the problem.",
                "My first reaction was to blame the wireless network, but I tested a scanner from "
                "the other supplier on the same aisle and it worked fine.",
                "So I went back to the regional director and said I had got the choice wrong, and "
                "that the cheaper scanners were going to cost us more.",
                "I negotiated a return for most of the units and ran a one week trial with the "
                "second supplier before we committed.",
            )),
            (R, (
                "The outcome was that the pick rate was back to normal in three weeks, and we "
                "recovered about seventy percent of what we had spent.",
                "I learned to trial equipment on the real floor before I argue for it.",
                "Since then I always ask for a pilot on at least one shift before any purchase.",
            )),
        ),
        strengths=(
            ("owned_mistake", "said I had got the choice wrong"),
            ("quantified_result", "recovered about seventy percent"),
            ("learning", "I learned to trial equipment"),
            ("change", "Since then I always ask for a pilot"),
        ),
        features=("run_on", "given_task", "numbers"),
    ),
    Answer(
        name="f_grant_deadline",
        question_id="failure-time-you-failed",
        description="Research coordinator who missed a grant deadline by a time-zone error; "
        "names the parts, short.",
        names_parts=True,
        sections=(
            (S, (
                "The situation was a research grant our lab had spent three months preparing.",
            )),
            (T, (
                "My task was the final submission, {um,} because I ran the lab's admin.",
            )),
            (A, (
                "I read the deadline as five in the afternoon our time, but it was five in the "
                "afternoon in Washington, which for us was ten in the morning.",
                "{Uh,} I found out at eleven, when the portal was already closed.",
                "I told the professor right away, and I wrote to the funder the same hour and "
                "explained what had happened.",
            )),
            (R, (
                "They did not accept it, so we lost that round, but we submitted in the next "
                "call four months later and got the funding.",
                "I learned to check the time zone on every deadline.",
                "Now I put every deadline in the shared calendar in the funder's own time, two "
                "days early.",
            )),
        ),
        strengths=(
            ("transparency", "I told the professor right away"),
            ("learning", "I learned to check the time zone"),
            ("change", "Now I put every deadline in the shared calendar"),
        ),
        traps=(("so", "so we lost that round"),),
        features=("short",),
    ),
    Answer(
        name="f_intern_code_review",
        question_id="failure-negative-feedback",
        description="Engineer told his code reviews were harsh; names the parts, 'we' and "
        "'I' mixed, kind of / sort of as fillers and a trap 'what kind of'.",
        names_parts=True,
        sections=(
            (S, (
                "{Um,} {so} the situation: we had two interns on my team last summer, and I was "
                "reviewing most of their code.",
                "After a month one of them told our manager that my comments made her not want to "
                "open a pull request at all.",
            )),
            (T, (
                "My manager asked me to fix that, {kind of} quietly, before the end of the "
                "internship, and to keep the quality bar where it was.",
            )),
            (A, (
                "I read back through my comments, and they were, {sort of,} short and blunt, just "
                "things like wrong or no.",
                "I asked the intern what kind of feedback would actually help her, and she said "
                "she wanted to know why, not just what.",
                "I started writing one line of reason with every change I asked for, and I moved "
                "the bigger discussions to a call instead of the comment thread.",
            )),
            (R, (
                "The result was that she opened three times as many pull requests in her second "
                "month, and she came back as a full-time hire.",
                "I learned that a review is teaching, not marking.",
                "Now I write every review as if the person will read it on a bad day.",
            )),
        ),
        strengths=(
            ("quantified_result", "three times as many pull requests"),
            ("learning", "I learned that a review is teaching"),
            ("change", "Now I write every review"),
        ),
        traps=(("kind of", "what kind of feedback"), ("like", "things like wrong")),
        features=("given_task", "fillers"),
    ),
    Answer(
        name="f_menu_launch",
        question_id="failure-project-not-as-planned",
        description="Restaurant manager whose new menu slowed the kitchen; names the parts, "
        "result then action then result again.",
        names_parts=True,
        sections=(
            (S, (
                "The situation was a new autumn menu at the restaurant where I was assistant "
                "manager.",
                "We went from twelve dishes to twenty, because I thought more choice would bring "
                "in more evening bookings.",
            )),
            (T, (
                "My task was to launch it on the first of October and keep ticket times under "
                "twenty minutes.",
            )),
            (A, (
                "I trained the front of house and printed the menus, but I never ran a full "
                "service with the kitchen before the launch.",
            )),
            (R, (
                "The result on the first Friday was forty minute waits and a lot of food sent "
                "back.",
            )),
            (A, (
                "The next morning I sat down with the head chef and we looked at which dishes "
                "needed the same two stations.",
                "We cut six of them, and I ran two practice services with staff as customers.",
            )),
            (R, (
                "Within two weeks ticket times were back to eighteen minutes, and bookings were "
                "up about ten percent on the year before.",
                "I learned to test a change with the people who have to carry it out.",
                "I now do a practice service before any menu change, even a small one.",
            )),
        ),
        strengths=(
            ("quantified_result", "bookings were up about ten percent"),
            ("learning", "I learned to test a change"),
            ("change", "I now do a practice service"),
        ),
        features=("returns", "numbers"),
    ),
    # ---- names its parts, red flags -------------------------------------------------------
    Answer(
        name="f_flag_app_release",
        question_id="failure-time-you-failed",
        description="Mobile release that crashed; names the parts, blames QA and the product "
        "owner, no lesson.",
        names_parts=True,
        sections=(
            (S, (
                "{So} the situation was a big release of our banking app, version four, with the "
                "new login flow.",
            )),
            (T, (
                "My task was to get it into the app stores by the end of the sprint.",
            )),
            (A, (
                "I built the new login screens and handed them over for testing.",
                "Honestly, the QA team signed it off without really looking at older phones.",
                "And the product owner kept adding things right up to the last day.",
                "When it went out, it crashed on about a fifth of Android devices, and I spent the "
                "weekend patching it.",
            )),
            (R, (
                "The result was a one star week in the store, and we shipped a fix on the "
                "Monday.",
                "It all settled down after that.",
            )),
        ),
        red_flags=(
            ("blame_shifting", "the QA team signed it off without really looking"),
            ("blame_shifting", "the product owner kept adding things"),
            ("no_learning", None),
            ("no_change", None),
        ),
    ),
    Answer(
        name="f_flag_perfectionist",
        question_id="failure-negative-feedback",
        description="Feedback answer that turns the weakness into a virtue; names the parts, "
        "humble brags, lesson without change.",
        names_parts=True,
        sections=(
            (S, (
                "{Uh,} the situation was my annual review last year, as a marketing coordinator.",
                "My manager said I was missing deadlines on the campaign briefs.",
            )),
            (T, (
                "My task was to get the briefs out on time for the spring campaigns.",
            )),
            (A, (
                "The thing is, I hold myself to really high standards, maybe too high, and I just "
                "can't send something out that isn't perfect.",
                "I also tend to take on everyone else's work, because I find it really hard to say "
                "no to people.",
                "So I stayed late and polished every brief until I was happy with it.",
            )),
            (R, (
                "The result was that the briefs were the best they had ever been, even if a couple "
                "were late.",
                "I guess I learned that not everyone works to the same standard as me.",
            )),
        ),
        red_flags=(
            ("humble_brag", "I hold myself to really high standards, maybe too high"),
            ("humble_brag", "I find it really hard to say no to people"),
            ("no_change", None),
        ),
        traps=(("so", "So I stayed late"),),
        features=("fillers",),
    ),
    Answer(
        name="f_flag_market",
        question_id="failure-project-not-as-planned",
        description="Product launch that missed its target; names the parts, only outside "
        "causes, 'we' throughout.",
        names_parts=True,
        sections=(
            (S, (
                "The situation was that we were launching a meal kit subscription in three new "
                "cities.",
                "We had a strong plan and we had the budget.",
            )),
            (T, (
                "Our task was to reach ten thousand subscribers by the end of the year.",
            )),
            (A, (
                "We ran the campaigns, we hired the drivers, we set up the partnerships with local "
                "farms, and we opened the kitchens on schedule.",
                "Then the cost of ingredients went up by almost a third, and a big competitor came "
                "in with half our price.",
                "We cut our prices, we added a student plan, and we pushed the referral scheme "
                "harder.",
            )),
            (R, (
                "The result was about four thousand subscribers, and two of the cities were "
                "closed the next spring.",
                "It was really just bad timing with the economy.",
                "We learned that the market can turn against you no matter how well you plan.",
            )),
        ),
        red_flags=(
            ("external_factors", "the cost of ingredients went up by almost a third"),
            ("external_factors", "It was really just bad timing with the economy"),
            ("ownership", None),
            ("no_change", None),
        ),
        features=("we_heavy", "numbers"),
    ),
    Answer(
        name="f_flag_data_loss",
        question_id="failure-mistake-affected-others",
        description="Lost survey data, blamed on a colleague and the tool; names the parts, "
        "run-on speech, fillers.",
        names_parts=True,
        sections=(
            (S, (
                "{So} the situation, {um,} was a customer survey we ran every quarter, and I owned "
                "the spreadsheet where all the answers came in.",
            )),
            (T, (
                "My task was to get the results to the board pack by the Friday, and the board "
                "pack goes out to every director.",
            )),
            (A, (
                "On the Wednesday the sheet lost about half of its rows, and it turned out my "
                "colleague had sorted one column without the others, and the tool doesn't even "
                "warn you when you do that, which is ridiculous really.",
                "I tried to rebuild it from the email notifications, {like,} one by one, and I "
                "got about two thirds back.",
            )),
            (R, (
                "The result was that the board got partial numbers that quarter, with a note.",
                "{You know,} these things happen when you're working with tools that aren't fit "
                "for purpose.",
            )),
        ),
        red_flags=(
            ("blame_shifting", "my colleague had sorted one column"),
            ("external_factors", "tools that aren't fit for purpose"),
            ("no_learning", None),
            ("no_change", None),
        ),
        features=("run_on", "fillers"),
    ),
    # ---- never names its parts, no red flags -----------------------------------------------
    Answer(
        name="f_payroll_rounding",
        question_id="failure-mistake-affected-others",
        description="Payroll specialist whose rounding change underpaid staff; implicit, "
        "first person, numbers.",
        names_parts=False,
        sections=(
            (S, (
                "I was working in payroll for a chain of garden centres, about six hundred "
                "people.",
                "We were moving from a spreadsheet to a proper payroll system.",
            )),
            (T, (
                "I was responsible for checking that the new system paid everyone exactly what "
                "the old one did for the first two months.",
            )),
            (A, (
                "I compared the totals for each store, and they matched, so I signed it off.",
                "What I didn't check was individual overtime, and the new system rounded overtime "
                "down to the quarter hour.",
                "About two hundred people were short by a few pounds each, and one of the store "
                "managers spotted it on his own payslip.",
                "I worked out every single difference that evening, and I went to the finance "
                "director the next morning and told her I had signed it off without checking "
                "line by line.",
                "We paid everyone the difference that same week, and I wrote a letter to every "
                "affected person explaining what had gone wrong.",
            )),
            (R, (
                "It came to just under three thousand pounds in total, and nobody left over it.",
                "It taught me that matching totals can hide errors underneath.",
                "Every payroll run since then, I check a random sample of twenty people line by "
                "line before I sign.",
            )),
        ),
        strengths=(
            ("owned_mistake", "told her I had signed it off without checking"),
            ("transparency", "I wrote a letter to every affected person"),
            ("quantified_result", "just under three thousand pounds"),
            ("learning", "It taught me that matching totals can hide errors"),
            ("change", "Every payroll run since then"),
        ),
        traps=(("so", "so I signed it off"),),
        features=("numbers",),
    ),
    Answer(
        name="f_teacher_exam",
        question_id="failure-time-you-failed",
        description="Secondary teacher whose class did badly in a mock exam; implicit, "
        "fillers, a repeat, a long pause.",
        names_parts=False,
        sections=(
            (S, (
                "{Um,} a couple of years ago I had a year ten maths class, and it was my second "
                "year of teaching.",
                "I had, {uh,} really wanted to make the lessons fun, so I did a lot of group "
                "projects and games.",
            )),
            (T, (
                "The department expected every class to be ready for a mock exam in January.",
            )),
            (A, (
                "When the marks came back, my class averaged about fifteen points below the "
                "other classes.",
                "[2.2] <I, I> was pretty shaken, honestly.",
                "I went through the papers question by question, and the pattern was clear: they "
                "understood the ideas but they couldn't do the written methods under time.",
                "I asked the head of department if I could watch one of her lessons, and I saw how "
                "much short, timed practice she built in.",
                "So I kept one project a fortnight, and I added ten minutes of timed questions at "
                "the start of every lesson.",
            )),
            (R, (
                "By the summer exam they were level with the other classes, and a few of them told "
                "me the timed starters were their favourite part.",
                "I learned that fun has to sit on top of practice, not replace it.",
                "I still start every lesson with timed questions, with every class I teach.",
            )),
        ),
        strengths=(
            ("learning", "I learned that fun has to sit on top of practice"),
            ("change", "I still start every lesson with timed questions"),
        ),
        traps=(("so", "so I did a lot of group projects"), ("so", "So I kept one project")),
        features=("fillers", "repeat", "long_pause"),
    ),
    Answer(
        name="f_migration_weekend",
        question_id="failure-project-not-as-planned",
        description="Infrastructure engineer whose email migration overran; implicit, run-on "
        "and 'and then', the team had to get a number.",
        names_parts=False,
        sections=(
            (S, (
                "This was at a law firm with about four hundred staff, and we were moving "
                "everyone's email to a new provider over one weekend, and I had written the plan "
                "for it.",
            )),
            (T, (
                "The team had to get all four hundred mailboxes moved by seven on Monday morning, "
                "because the lawyers start early and they live in their email.",
            )),
            (A, (
                "By Saturday night we had moved about a hundred and fifty, because the old server "
                "was throttling the transfers, and I had tested the speed with one mailbox, not "
                "with fifty at once.",
                "I called my manager on Saturday night and told him we were not going to make it "
                "and that the estimate was mine.",
                "Then I split the mailboxes by practice group, {um,} moved the partners and the "
                "litigation team first, and sent everyone else a note saying their old email "
                "would keep working until Wednesday.",
            )),
            (R, (
                "{Uh,} on Monday morning the people who needed it most were on the new system, and "
                "everyone was moved by Wednesday with no lost mail.",
                "I learned that a test with one of something tells you nothing about four "
                "hundred.",
                "Now I always test migrations at the real volume, or at least a quarter of it.",
            )),
        ),
        strengths=(
            ("owned_mistake", "the estimate was mine"),
            ("transparency", "I called my manager on Saturday night"),
            ("learning", "I learned that a test with one"),
            ("change", "Now I always test migrations at the real volume"),
        ),
        features=("run_on", "given_task", "numbers"),
    ),
    Answer(
        name="f_press_release",
        question_id="failure-mistake-affected-others",
        description="Communications officer who sent a press release with the wrong figure; "
        "implicit, brisk, short.",
        names_parts=False,
        sections=(
            (S, (
                "I was the communications officer for a city council, and we were announcing a "
                "new bus route.",
            )),
            (T, (
                "{Um,} it was my job to get the press release out by nine in the morning.",
            )),
            (A, (
                "I copied the budget from an old draft, and it said twelve million instead of "
                "two.",
                "{Uh,} a local reporter called within the hour.",
                "I sent a correction to every outlet by ten, and I told my director it was my "
                "copy and paste.",
            )),
            (R, (
                "Only one paper printed the wrong figure, and they ran the correction the next "
                "day.",
                "It showed me how easily an old draft sneaks in.",
                "Now I build every release from a blank page, and someone else checks the "
                "numbers.",
            )),
        ),
        strengths=(
            ("owned_mistake", "it was my copy and paste"),
            ("learning", "It showed me how easily an old draft sneaks in"),
            ("change", "Now I build every release from a blank page"),
        ),
        features=("short",),
    ),
    Answer(
        name="f_sales_forecast",
        question_id="failure-admitting-wrong",
        description="Sales manager who defended an optimistic forecast; implicit, lexical "
        "fillers, traps 'tools like', 'I like to'.",
        names_parts=False,
        sections=(
            (S, (
                "I was running a small sales team selling software to hospitals, and every "
                "quarter I gave the finance team a forecast.",
                "I like to think I'm an optimist, and that quarter I put in two big hospital deals "
                "that I was, {like,} sure about.",
            )),
            (T, (
                "Finance used my number to plan hiring, so it really had to be right.",
            )),
            (A, (
                "Halfway through the quarter my best account manager told me that one of the "
                "deals had stalled, and I, {basically,} told her to push harder.",
                "Then our analyst showed me the data from our tools like the pipeline dashboard, "
                "and deals at that stage closed about one time in five.",
                "I went back to the finance director and said my forecast was wrong and that I had "
                "ignored the warning from my own team.",
                "We cut the number by a third, and I asked the account manager to help me build a "
                "stage by stage checklist for what counts as committed.",
            )),
            (R, (
                "We hit the lower number, and finance paused two hires instead of having to let "
                "people go later.",
                "I learned to trust the data and the people closest to the customer over my own "
                "hopes.",
                "Now a deal only goes in my forecast when it has passed every point on that "
                "checklist.",
            )),
        ),
        strengths=(
            ("owned_mistake", "said my forecast was wrong"),
            ("learning", "I learned to trust the data"),
            ("change", "Now a deal only goes in my forecast"),
        ),
        traps=(("like", "I like to think"), ("like", "tools like the pipeline dashboard"),
               ("so", "so it really had to be right")),
        features=("fillers",),
    ),
    Answer(
        name="f_lab_samples",
        question_id="failure-time-you-failed",
        description="Lab technician who let a freezer alarm go; implicit, hesitant, a long "
        "pause, filled pauses.",
        names_parts=False,
        sections=(
            (S, (
                "In my second year as a lab technician, I was on call for the freezers one "
                "weekend.",
                "We had samples in there from a study that had taken, {um,} four years to "
                "collect.",
            )),
            (T, (
                "If an alarm went off, I was meant to come in within an hour and move the samples "
                "to the backup freezer.",
            )),
            (A, (
                "The alarm went off on Saturday night, and I had left my phone on silent.",
                "[3.0] I saw the message six hours later.",
                "I went in straight away, and the temperature had risen, {uh,} but not far enough "
                "to ruin everything.",
                "I moved everything, logged the times, and called the principal investigator at "
                "seven in the morning to tell her exactly what I had done and not done.",
            )),
            (R, (
                "We lost about forty samples out of two thousand, and the study could still go "
                "ahead.",
                "What I took from it is that being on call means the phone is part of the job.",
                "Since then I set a separate loud alarm for the freezer alerts that silent mode "
                "cannot turn off, and I test it every Friday.",
            )),
        ),
        strengths=(
            ("owned_mistake", "I had left my phone on silent"),
            ("transparency", "called the principal investigator at seven in the morning"),
            ("quantified_result", "about forty samples out of two thousand"),
            ("learning", "What I took from it is that being on call"),
            ("change", "Since then I set a separate loud alarm"),
        ),
        features=("long_pause", "fillers", "numbers"),
    ),
    Answer(
        name="f_design_feedback",
        question_id="failure-negative-feedback",
        description="Designer criticised in a user test; implicit, we and I, "
        "'you know' as ordinary words ('let me know').",
        names_parts=False,
        sections=(
            (S, (
                "I was the only designer on a small team building a travel app.",
                "We ran our first proper user test with eight people, and I was sitting behind "
                "the glass.",
            )),
            (T, (
                "My manager wanted the checkout redesigned before the summer, and the test was "
                "supposed to show whether my version worked.",
            )),
            (A, (
                "Six of the eight people couldn't find the button to change their dates, and one "
                "of them said the screen felt like it was hiding things.",
                "{Um,} it stung, because I had argued for that layout.",
                "I watched all the recordings again that evening, and I wrote down every place "
                "someone hesitated.",
                "I asked the developers to let me know which changes were cheap, and I made three "
                "new versions.",
                "{Uh,} we tested them with another six people the following week.",
            )),
            (R, (
                "The new checkout cut abandoned bookings by about a fifth after launch.",
                "I realised I had been designing for myself, not for people booking a trip on a "
                "phone in a hurry.",
                "Now I put a rough version in front of users before I get attached to it.",
            )),
        ),
        strengths=(
            ("quantified_result", "cut abandoned bookings by about a fifth"),
            ("learning", "I realised I had been designing for myself"),
            ("change", "Now I put a rough version in front of users"),
        ),
        traps=(("like", "felt like it was hiding things"),),
        features=("given_task",),
    ),
    Answer(
        name="f_invoice_automation",
        question_id="failure-project-not-as-planned",
        description="Finance analyst whose automation created duplicate invoices; implicit, "
        "'we' heavy in places but I-led, numbers as results.",
        names_parts=False,
        sections=(
            (S, (
                "At my last company the accounts team sent about three thousand invoices a month "
                "by hand.",
                "I had built a small script to send them automatically from the billing system.",
            )),
            (T, (
                "The plan was to have it handle every invoice by the end of the quarter, and to "
                "cut the team's time on invoicing in half.",
            )),
            (A, (
                "In the first week, about ninety customers got the same invoice twice, because "
                "the script retried when the email server was slow.",
                "I stopped it that morning and wrote to each of those customers with an apology.",
                "Then I added a check so that an invoice can only be sent once, and I ran it in "
                "parallel with the manual process for a full month.",
            )),
            (R, (
                "By the end of the quarter it was sending every invoice, and the team went from "
                "forty hours a month on invoicing to about twelve.",
                "I learned that anything that sends money or bills has to be safe to run twice.",
                "I now write the duplicate check before I write anything else.",
            )),
        ),
        strengths=(
            ("quantified_result", "forty hours a month on invoicing to about twelve"),
            ("learning", "I learned that anything that sends money"),
            ("change", "I now write the duplicate check before"),
        ),
        traps=(("so", "a check so that an invoice"),),
        features=("numbers",),
    ),
    Answer(
        name="f_wrong_hire",
        question_id="failure-admitting-wrong",
        description="Hiring manager who pushed for a candidate who did not work out; implicit, "
        "reflective, fillers 'I mean'.",
        names_parts=False,
        sections=(
            (S, (
                "A few years ago I was hiring a team lead for our support centre.",
                "There were two final candidates, and the panel preferred the other one, but I "
                "argued hard for the person I liked.",
            )),
            (T, (
                "Once he started, it was on me to make the hire work, because I had overruled "
                "the panel.",
            )),
            (A, (
                "After three months his team's satisfaction scores had dropped, and two people "
                "asked to move.",
                "{I mean,} the signs were there in the interview, I just didn't want to see them.",
                "I told my own manager that I had made the wrong call, and that the panel had "
                "been right.",
                "I gave him clear goals and weekly coaching for two months, and when it still "
                "wasn't working we agreed together that he would move back to a specialist role.",
            )),
            (R, (
                "He did well in that role, {um,} and the team's scores recovered within a quarter.",
                "I learned that when I feel strongly about a candidate, that's the moment to "
                "listen to the panel more, not less.",
                "I now score candidates on paper before any discussion, so my first impression "
                "doesn't steer the room.",
            )),
        ),
        strengths=(
            ("owned_mistake", "I had made the wrong call"),
            ("learning", "I learned that when I feel strongly"),
            ("change", "I now score candidates on paper"),
        ),
        features=("fillers",),
    ),
    Answer(
        name="f_shipping_labels",
        question_id="failure-mistake-affected-others",
        description="E-commerce coordinator who printed labels with the wrong courier; "
        "implicit, result before the action is finished (returns), brisk.",
        names_parts=False,
        sections=(
            (S, (
                "I was coordinating orders for an online shop that sells handmade furniture.",
                "We had just switched couriers for large items.",
            )),
            (T, (
                "It was on me to make sure every order in the first week went out with the new "
                "courier.",
            )),
            (A, (
                "I printed the labels from the old template, and about sixty parcels went to the "
                "old courier, who no longer had our account.",
                "I called the old courier, found the depot, and booked a van to collect them.",
            )),
            (R, (
                "Most customers got their furniture three days late, and we refunded the delivery "
                "fee to all of them.",
            )),
            (A, (
                "After that I deleted the old templates, and I asked our developer to add the "
                "courier name in big letters at the top of every label.",
            )),
            (R, (
                "{Uh,} we haven't had a parcel go to the wrong courier since.",
                "It taught me to remove the old way of doing something, not just add the new one.",
                "Now when we change a supplier, I delete the old templates the same day.",
            )),
        ),
        strengths=(
            ("learning", "It taught me to remove the old way"),
            ("change", "Now when we change a supplier"),
        ),
        features=("returns",),
    ),
    Answer(
        name="f_translation_deadline",
        question_id="failure-time-you-failed",
        description="Freelance translator who took on too much and missed a deadline; "
        "implicit, first person only, a long run-on opening.",
        names_parts=False,
        sections=(
            (S, (
                "When I was freelancing as a translator I said yes to a technical manual for a "
                "machine maker in Germany at the same time as two smaller jobs, because it was a "
                "good client and I didn't want to lose them, and I thought I could do it all in "
                "three weeks.",
            )),
            (T, (
                "The manual had to be delivered on a fixed date, because it was going into the "
                "box with a new machine.",
            )),
            (A, (
                "A week before the deadline I was only half way through.",
                "I wrote to the client that day and told them I had taken on too much, and I "
                "offered to bring in a colleague I trusted for the last chapters, at my own cost.",
                "I checked every page she translated against their glossary myself.",
            )),
            (R, (
                "We delivered two days late, and the client kept working with me, though they "
                "asked for a lower rate on that job.",
                "I learned that my real capacity is about two thirds of what I think it is.",
                "Now I keep a spreadsheet of my hours, and I never accept a job that takes me over "
                "thirty hours a week.",
            )),
        ),
        strengths=(
            ("owned_mistake", "told them I had taken on too much"),
            ("transparency", "I wrote to the client that day"),
            ("learning", "I learned that my real capacity"),
            ("change", "Now I keep a spreadsheet of my hours"),
        ),
        features=("run_on",),
    ),
    Answer(
        name="f_pilot_cancelled",
        question_id="failure-project-not-as-planned",
        description="Product manager whose pilot missed its sign-up target; implicit, "
        "targets with numbers, filled pauses and 'sort of' as a filler.",
        names_parts=False,
        sections=(
            (S, (
                "{Um,} I was a product manager at a fitness app, and we were piloting a paid "
                "coaching plan in two cities.",
            )),
            (T, (
                "The goal my director set was two thousand paying members in three months.",
            )),
            (A, (
                "I had built the plan on a survey where people said they'd pay, and I hadn't "
                "tested the price at all.",
                "After six weeks we had about three hundred.",
                "I called twenty people who had started the sign up and dropped out, and, {uh,} "
                "almost all of them said the price was the problem.",
                "I went to my director with that, said the pilot was built on my assumption, and "
                "proposed a cheaper plan with group coaching.",
                "We, {sort of,} rebuilt the offer in two weeks.",
            )),
            (R, (
                "We ended the pilot at nine hundred members instead of two thousand, but the "
                "cheaper plan kept growing after it.",
                "I learned that what people say in a survey and what they pay for are different "
                "things.",
                "Since then I always run a small price test before I plan a launch.",
            )),
        ),
        strengths=(
            ("owned_mistake", "said the pilot was built on my assumption"),
            ("quantified_result", "nine hundred members instead of two thousand"),
            ("learning", "I learned that what people say in a survey"),
            ("change", "Since then I always run a small price test"),
        ),
        features=("numbers", "given_task", "fillers"),
    ),
    Answer(
        name="f_admit_architecture",
        question_id="failure-admitting-wrong",
        description="Tech lead who insisted on microservices and reversed; implicit, "
        "'I would like to' trap, hesitant.",
        names_parts=False,
        sections=(
            (S, (
                "On my last team I pushed for splitting our booking system into small services.",
                "I had read a lot about it, and I convinced the team in one long meeting.",
            )),
            (T, (
                "We had six months to rebuild the booking flow, and I was the one accountable for "
                "the design.",
            )),
            (A, (
                "Three months in, every small change needed work in four services, and we were "
                "shipping slower than before.",
                "A junior developer said so in a retro, and I would like to say I agreed straight "
                "away, but I defended it for another two weeks.",
                "Then I measured our delivery times before and after, and the numbers were clear.",
                "I stood up at the next planning meeting and said I had been wrong, and I proposed "
                "merging the services back into two.",
            )),
            (R, (
                "We finished the rebuild a month late instead of three, and our release time went "
                "from a week to a day.",
                "I learned that I should measure a design choice early instead of defending it.",
                "Now I set a check point a month into any big technical change, with a number to "
                "look at.",
            )),
        ),
        strengths=(
            ("owned_mistake", "said I had been wrong"),
            ("quantified_result", "a week to a day"),
            ("learning", "I learned that I should measure"),
            ("change", "Now I set a check point"),
        ),
        traps=(("like", "I would like to say"), ("so", "said so in a retro")),
    ),
    Answer(
        name="f_volunteer_fundraiser",
        question_id="failure-time-you-failed",
        description="Volunteer coordinator whose fundraiser raised half its target; implicit, "
        "missing task, we and I.",
        names_parts=False,
        sections=(
            (S, (
                "I volunteer with a food bank, and two years ago I offered to run our big winter "
                "fundraiser.",
                "The year before it had raised about twelve thousand dollars.",
            )),
            (A, (
                "I moved it online, because I thought it would reach more people, and I spent most "
                "of the time on the website and not much on phoning our regular donors.",
                "{Um,} two weeks before the end we were at four thousand.",
                "I told the board where we were and that I had leaned too much on the website.",
                "Then I got six volunteers together and we phoned every donor from the previous "
                "three years.",
            )),
            (R, (
                "We finished at about eight thousand, short of the target, but the phone calls "
                "brought back thirty regular donors.",
                "I learned that the people who already give want to be asked personally.",
                "Now the first thing I plan for any appeal is the phone list.",
            )),
        ),
        strengths=(
            ("owned_mistake", "I had leaned too much on the website"),
            ("transparency", "I told the board where we were"),
            ("learning", "I learned that the people who already give"),
            ("change", "Now the first thing I plan for any appeal"),
        ),
        features=("missing_task", "numbers"),
    ),
    Answer(
        name="f_construction_permit",
        question_id="failure-mistake-affected-others",
        description="Site manager who started work before a permit; implicit, lexical fillers, "
        "traps 'so many', 'kind of' in 'what kind of'.",
        names_parts=False,
        sections=(
            (S, (
                "I was a site manager for a builder doing house extensions.",
                "We had so many jobs that spring that, {you know,} we were booking crews back to "
                "back.",
            )),
            (T, (
                "{Uh,} I was accountable for making sure each job had its paperwork before anyone "
                "started digging.",
            )),
            (A, (
                "On one job I assumed the council permit had come through, because the architect "
                "said it was just a formality.",
                "The crew dug the foundations, and two days later a council inspector stopped the "
                "job.",
                "I phoned the homeowners that afternoon and told them it was my mistake, not the "
                "crew's.",
                "I asked the inspector what kind of changes would get it approved, and I worked "
                "with the architect over the weekend to resubmit.",
            )),
            (R, (
                "The permit came through in three weeks, and we covered the family's extra rent "
                "for that time.",
                "It cost us about four thousand, and it taught me never to treat a permit as a "
                "formality.",
                "Now nobody is booked on a job until I have the permit in my hand, and I check it "
                "myself.",
            )),
        ),
        strengths=(
            ("owned_mistake", "told them it was my mistake"),
            ("transparency", "I phoned the homeowners that afternoon"),
            ("learning", "it taught me never to treat a permit as a formality"),
            ("change", "Now nobody is booked on a job"),
        ),
        traps=(("so", "We had so many jobs"), ("kind of", "what kind of changes")),
        features=("fillers", "given_task"),
    ),
    # ---- never names its parts, red flags --------------------------------------------------
    Answer(
        name="f_flag_we_migration",
        question_id="failure-project-not-as-planned",
        description="Cloud migration told entirely with 'we'; blame on the vendor, no lesson.",
        names_parts=False,
        sections=(
            (S, (
                "We were moving our whole analytics platform to a new cloud provider, and we had "
                "about four months to do it.",
            )),
            (T, (
                "{Uh,} we had to have every dashboard running on the new platform before the old "
                "contract ran out.",
            )),
            (A, (
                "We mapped all the pipelines, we rewrote the jobs, and we tested them in batches.",
                "The vendor's migration tool was full of bugs, and their support team took days "
                "to answer anything.",
                "We worked most weekends in the last month, and we moved the last dashboards two "
                "days before the deadline.",
            )),
            (R, (
                "We got there in the end, but half the reports were wrong for the first few weeks.",
                "{Um,} we fixed them as people reported them.",
            )),
        ),
        red_flags=(
            ("blame_shifting", "The vendor's migration tool was full of bugs"),
            ("ownership", None),
            ("no_learning", None),
            ("no_change", None),
        ),
        features=("we_heavy",),
    ),
    Answer(
        name="f_flag_too_much",
        question_id="failure-time-you-failed",
        description="A 'failure' that is really a boast about caring too much; humble brags, "
        "lesson but nothing changed.",
        names_parts=False,
        sections=(
            (S, (
                "Honestly, I'd say my biggest failure is that I care too much about the people "
                "I work with.",
                "Last year I was leading onboarding for new hires at a recruitment agency.",
            )),
            (T, (
                "I was supposed to hand the new starters over to their teams after two weeks.",
            )),
            (A, (
                "I kept them with me for a month, because I just couldn't let them go until they "
                "were completely ready.",
                "I'm a perfectionist, and I work too hard sometimes, and I stayed late every night "
                "writing extra guides for them.",
            )),
            (R, (
                "The teams were annoyed that they had to wait, but the new starters loved it.",
                "{Uh,} I suppose I learned that other people don't always share my standards.",
            )),
        ),
        red_flags=(
            ("humble_brag", "I care too much about the people I work with"),
            ("humble_brag", "I'm a perfectionist, and I work too hard sometimes"),
            ("no_change", None),
        ),
        features=("fillers",),
    ),
    Answer(
        name="f_flag_pandemic_shop",
        question_id="failure-project-not-as-planned",
        description="Shop opening that failed; only outside causes, blame on the landlord, "
        "no lesson; run-on.",
        names_parts=False,
        sections=(
            (S, (
                "A few years ago I opened a second branch of our bike shop in the town centre, "
                "and I had signed a three year lease.",
            )),
            (T, (
                "{Um,} I needed it to break even within the first year.",
            )),
            (A, (
                "Then the council closed the main road for roadworks for eight months, and the "
                "landlord refused to lower the rent, and on top of that the whole bike trade went "
                "into a slump that year.",
                "I ran discounts, I did events on Saturdays, and I put ads in the local paper.",
            )),
            (R, (
                "{Uh,} it closed after fourteen months, and we lost about thirty thousand.",
                "There was really nothing anyone could have done with the road closed like that.",
            )),
        ),
        red_flags=(
            ("external_factors", "the council closed the main road"),
            ("external_factors", "the whole bike trade went into a slump"),
            ("blame_shifting", "the landlord refused to lower the rent"),
            ("external_factors", "nothing anyone could have done"),
            ("no_learning", None),
            ("no_change", None),
        ),
        traps=(("like", "with the road closed like that"),),
        features=("run_on",),
    ),
    Answer(
        name="f_flag_feedback_defensive",
        question_id="failure-negative-feedback",
        description="Feedback answer that argues with the feedback; blame on the manager, "
        "lexical fillers, no change.",
        names_parts=False,
        sections=(
            (S, (
                "{So,} in my last review my manager said I wasn't communicating enough with the "
                "other teams.",
            )),
            (T, (
                "{Um,} she wanted me to send a weekly update to the three teams we worked with.",
            )),
            (A, (
                "To be fair, she never actually told me what she wanted in the updates, and the "
                "other teams never read them anyway.",
                "I sent them for a few weeks, {like,} just bullet points, and then, {you know,} "
                "things got busy.",
            )),
            (R, (
                "{Uh,} the next review said the same thing, which felt a bit unfair.",
                "I did learn that some managers care more about the look of communication than "
                "the work.",
            )),
        ),
        red_flags=(
            ("blame_shifting", "she never actually told me what she wanted"),
            ("blame_shifting", "the other teams never read them anyway"),
            ("no_change", None),
        ),
        features=("fillers", "short"),
    ),
    Answer(
        name="f_flag_we_recall",
        question_id="failure-mistake-affected-others",
        description="Product recall told with 'we' and outside causes; lesson named, no "
        "change.",
        names_parts=False,
        sections=(
            (S, (
                "We made kitchen appliances, and we had launched a new kettle that spring.",
                "We had tested it, we had certified it, and we had shipped about twenty thousand "
                "units.",
            )),
            (T, (
                "{Um,} we had to keep the launch on track for the big retail chains.",
            )),
            (A, (
                "Then a supplier changed the plastic in the handle without telling anyone, and "
                "some of the handles cracked.",
                "We recalled the batch, we set up a phone line for customers, and we replaced "
                "every kettle that came back.",
            )),
            (R, (
                "{Uh,} we lost the autumn orders from one of the chains.",
                "We learned that suppliers can't always be trusted.",
            )),
        ),
        red_flags=(
            ("blame_shifting", "a supplier changed the plastic"),
            ("ownership", None),
            ("no_change", None),
        ),
        features=("we_heavy",),
    ),
    Answer(
        name="f_flag_deadline_excuses",
        question_id="failure-time-you-failed",
        description="Missed deadline explained by everyone else's delays and a heatwave; "
        "brisk, lexical fillers, no lesson.",
        names_parts=False,
        sections=(
            (S, (
                "Last summer I was putting together the annual report for our charity, and "
                "it had to go to the printers by the end of July.",
            )),
            (T, (
                "I was in charge of collecting the stories and the figures from every region.",
            )),
            (A, (
                "{Basically,} half the regional managers sent their sections late, and the "
                "designer we used was off sick for a week.",
                "There was also a heatwave, and the office had no air conditioning, so nobody "
                "could really concentrate.",
                "I chased people every day and, {like,} did what I could.",
            )),
            (R, (
                "It went to the printers three weeks late, and we missed the donor event it was "
                "meant for.",
            )),
        ),
        red_flags=(
            ("blame_shifting", "half the regional managers sent their sections late"),
            ("external_factors", "There was also a heatwave"),
            ("no_learning", None),
            ("no_change", None),
        ),
        traps=(("so", "so nobody could really concentrate"),),
        features=("fillers",),
    ),
    Answer(
        name="f_spreadsheet_formula",
        question_id="failure-mistake-affected-others",
        description="Planner whose broken formula overstated stock; implicit, hesitant, "
        "first person, numbers.",
        names_parts=False,
        sections=(
            (S, (
                "I was a stock planner for a chain of pharmacies, and I kept the spreadsheet "
                "that told each shop how much to order.",
                "I had added a new column for a winter flu campaign.",
            )),
            (T, (
                "Every shop relied on my numbers for its weekly order, so they had to be right "
                "by Monday morning.",
            )),
            (A, (
                "I copied a formula down the sheet without locking one cell, and from row fifty "
                "onwards every number was doubled.",
                "{Um,} twenty shops ordered twice the flu tablets they needed.",
                "When a shop manager asked why her order was so big, I found the error within "
                "the hour.",
                "I called the supplier to stop the deliveries that hadn't gone out, and I wrote "
                "to every shop with the correct numbers and said the error was mine.",
            )),
            (R, (
                "We stopped about two thirds of the extra stock, and the rest was moved to "
                "shops that needed it, so nothing was wasted.",
                "I learned that a copied formula needs checking at the bottom of the sheet, not "
                "just the top.",
                "Now I add a total check at the end of every sheet that turns red when the "
                "numbers don't add up.",
            )),
        ),
        strengths=(
            ("owned_mistake", "said the error was mine"),
            ("quantified_result", "about two thirds of the extra stock"),
            ("learning", "I learned that a copied formula needs checking"),
            ("change", "Now I add a total check"),
        ),
        traps=(("so", "so they had to be right"), ("so", "so big"), ("so", "so nothing was")),
        features=("numbers",),
    ),
    Answer(
        name="f_newsletter_list",
        question_id="failure-mistake-affected-others",
        description="Marketing assistant who emailed the wrong list; implicit, no task part, "
        "goes back to action after a first result.",
        names_parts=False,
        sections=(
            (S, (
                "I was a marketing assistant at a language school, and I sent out the monthly "
                "newsletter.",
                "One month I picked the wrong list, and a discount meant for former students "
                "went to all eleven thousand current ones.",
            )),
            (A, (
                "Within an hour the front desk was getting calls from students asking for "
                "money back.",
                "I told my manager straight away that I had sent it to the wrong list, and we "
                "agreed to honour the discount for anyone who asked that week.",
            )),
            (R, (
                "About three hundred students used it, which cost the school around four "
                "thousand.",
            )),
            (A, (
                "Afterwards I renamed every list so that the audience was in the name, and I set "
                "up a rule that a second person approves any send over a thousand people.",
            )),
            (R, (
                "There hasn't been a wrong send since.",
                "I learned that a tired click on a badly named list can cost real money.",
                "Now I read the list name out loud before I press send.",
            )),
        ),
        strengths=(
            ("owned_mistake", "I had sent it to the wrong list"),
            ("transparency", "I told my manager straight away"),
            ("quantified_result", "around four thousand"),
            ("learning", "I learned that a tired click"),
            ("change", "Now I read the list name out loud"),
        ),
        traps=(("so", "so that the audience"),),
        features=("missing_task", "returns", "numbers"),
    ),
)
