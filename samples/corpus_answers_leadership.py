"""Development corpus: answers to the leadership questions (see corpus_spec.py for the markup)."""

from __future__ import annotations

from corpus_spec import Answer

S, T, A, R = "situation", "task", "action", "result"

LEADERSHIP: tuple[Answer, ...] = (
    # ---- names its parts, no red flags ------------------------------------------------------
    Answer(
        name="l_onboarding_guild",
        question_id="leadership-without-authority",
        description="Engineer without a title leading an onboarding fix across teams; names "
        "the parts, numbers as results.",
        names_parts=True,
        sections=(
            (S, (
                "The situation was that new engineers at my company took about six weeks to "
                "ship their first change, and everyone complained about it, but it wasn't "
                "anyone's job.",
            )),
            (T, (
                "I wasn't a manager, but I set myself the task of getting that down to two "
                "weeks within a quarter.",
            )),
            (A, (
                "What I did first was interview the last ten people who had joined, and I wrote "
                "down every place they got stuck.",
                "I shared the list in our engineering channel and asked for one volunteer from "
                "each team.",
                "Five people signed up, and we each took one problem, the setup script, the "
                "access requests, the starter tasks, and so on.",
                "I ran a fifteen minute check in every Monday and gave credit in the channel "
                "every time someone finished a piece.",
            )),
            (R, (
                "The result was that the next group of new joiners shipped their first change in "
                "eight days on average.",
                "Two of the volunteers now run the program without me.",
                "I learned that people will follow a clear problem more readily than a title.",
                "Now when I see a gap like that, I start with the list of pain points and ask for "
                "help in public.",
            )),
        ),
        strengths=(
            ("quantified_result", "eight days on average"),
            ("learning", "I learned that people will follow a clear problem"),
            ("change", "Now when I see a gap like that"),
        ),
        traps=(("so", "and so on"), ("like", "a gap like that")),
        features=("numbers",),
    ),
    Answer(
        name="l_mentoring_junior",
        question_id="leadership-helped-someone-grow",
        description="Senior accountant coaching a junior colleague; names the parts, fillers.",
        names_parts=True,
        sections=(
            (S, (
                "{Um,} the situation was a junior accountant on my team who was really good with "
                "numbers but froze whenever she had to present to clients.",
            )),
            (T, (
                "My task, as her mentor, was to get her ready to lead a client review on her own "
                "within six months.",
            )),
            (A, (
                "I asked her what exactly scared her, and she said it was the questions she "
                "couldn't predict.",
                "{So} we made a list of the twenty questions clients ask most, and she practised "
                "answers with me every Thursday.",
                "I let her present one section of my client meetings, {uh,} then two, then half "
                "the meeting.",
                "After each one I gave her one thing that went well and one thing to try next "
                "time.",
            )),
            (R, (
                "The result was that she led her first full review in month five, and the client "
                "asked for her by name the next year.",
                "I learned that confidence comes from small steps with feedback, not from a pep "
                "talk.",
                "Now I plan coaching for anyone on my team as a series of small steps like that.",
            )),
        ),
        strengths=(
            ("learning", "I learned that confidence comes from small steps"),
            ("change", "Now I plan coaching"),
        ),
        traps=(("like", "small steps like that"),),
        features=("fillers",),
    ),
    Answer(
        name="l_unpopular_oncall",
        question_id="leadership-unpopular-decision",
        description="Engineering manager introducing an on-call rota; names the parts, "
        "objections heard, would decide the same.",
        names_parts=True,
        sections=(
            (S, (
                "The situation was that my team ran a payments service, and outages at night were "
                "handled by whoever happened to see the alert.",
                "Usually that was the same two people, and they were exhausted.",
            )),
            (T, (
                "My task was to make nights fair and reliable, and I knew that meant an on-call "
                "rota that most of the team did not want.",
            )),
            (A, (
                "I explained the decision in a team meeting, with the numbers: two people had "
                "answered eighty percent of the alerts that year.",
                "I listened to the objections, and the biggest one was pay, so I got the company "
                "to agree an on-call allowance.",
                "I also cut the alerts by a half before the rota started, so nobody was woken up "
                "for nothing.",
                "{Um,} and I took the first week myself.",
            )),
            (R, (
                "The result was that night alerts were answered in under ten minutes, and the "
                "two people who had been carrying it stayed on the team.",
                "I would make the same decision again, but I learned to fix the alerts first and "
                "ask for the rota second.",
                "Since then I always clean up the alerts before I change who answers them.",
            )),
        ),
        strengths=(
            ("quantified_result", "under ten minutes"),
            ("learning", "I learned to fix the alerts first"),
            ("change", "Since then I always clean up the alerts"),
        ),
        traps=(("so", "so I got the company"), ("so", "so nobody was woken up")),
        features=("numbers",),
    ),
    Answer(
        name="l_turnaround_clinic",
        question_id="leadership-turned-around-project",
        description="Clinic manager turning around waiting times; names the parts, the team "
        "had to get a figure, we reached X instead of Y.",
        names_parts=True,
        sections=(
            (S, (
                "The situation was a physiotherapy clinic I took over, where patients waited "
                "about nine weeks for a first appointment.",
                "The staff were good, but morale was low and two people had just left.",
            )),
            (T, (
                "{Uh,} the health board told me the clinic had to get the wait down to four weeks "
                "within a year, or lose part of its funding.",
            )),
            (A, (
                "What I did first was sit in on every part of the patient journey for two weeks.",
                "I found that a third of first appointments were missed, because reminders went "
                "out by letter.",
                "I moved reminders to text messages, and I asked the team which cases could be "
                "seen in groups instead of one to one.",
                "We set up three group classes for back pain, which was our biggest waiting list.",
                "I put the waiting figures on the staff room wall every Monday, so everyone could "
                "see progress.",
            )),
            (R, (
                "The result was that we reached three and a half weeks instead of four, two "
                "months early, and missed appointments fell from a third to about one in ten.",
                "I learned that the fastest fixes were in the process, not in working harder.",
                "In every team I've run since, I start by watching the work before I change it.",
            )),
        ),
        strengths=(
            ("quantified_result", "three and a half weeks instead of four"),
            ("learning", "I learned that the fastest fixes"),
            ("change", "In every team I've run since"),
        ),
        features=("given_task", "numbers"),
    ),
    Answer(
        name="l_volunteer_cleanup",
        question_id="leadership-without-authority",
        description="Neighbour organising a park clean-up; names the parts, short, we and I.",
        names_parts=True,
        sections=(
            (S, (
                "The situation was a local park that had become covered in litter, and the "
                "council had no budget to clean it.",
            )),
            (T, (
                "Nobody asked me to, {um,} but my task, as I saw it, was to get enough neighbours "
                "together to clean it once a month.",
            )),
            (A, (
                "{Uh,} I put a note through fifty doors and started a group chat.",
                "I borrowed equipment from the council and gave each volunteer one corner of the "
                "park to look after.",
            )),
            (R, (
                "The result was that thirty people came to the first clean up, and we still meet "
                "every month, two years later.",
                "I learned that people will help if the ask is small and clear.",
                "Now when I start anything, I make the first ask as small as possible.",
            )),
        ),
        strengths=(
            ("quantified_result", "thirty people came to the first clean up"),
            ("learning", "I learned that people will help"),
            ("change", "Now when I start anything"),
        ),
        features=("short",),
    ),
    Answer(
        name="l_sales_coaching",
        question_id="leadership-helped-someone-grow",
        description="Sales lead coaching a struggling rep; names the parts, lexical fillers, "
        "traps 'I would like', 'you know how'.",
        names_parts=True,
        sections=(
            (S, (
                "The situation was a new sales rep on my team who was, {you know,} working really "
                "hard, but closing about half as many deals as everyone else.",
            )),
            (T, (
                "My task was to help him get to the team average by the end of his first year.",
            )),
            (A, (
                "I listened to ten of his recorded calls, and I noticed he talked for most of the "
                "call and asked very few questions.",
                "I told him, I would like you to try something for two weeks, ask three questions "
                "before you mention the product.",
                "We role played calls every Friday, and I asked him, do you know how long the "
                "customer spoke in that one?",
                "{Basically,} we tracked one number, how much of the call the customer did the "
                "talking.",
            )),
            (R, (
                "The result was that his close rate doubled in four months, and he finished the "
                "year above the team average.",
                "I learned that one clear habit is easier to coach than a whole style.",
                "Now I coach everyone on one measurable habit at a time.",
            )),
        ),
        strengths=(
            ("quantified_result", "his close rate doubled"),
            ("learning", "I learned that one clear habit"),
            ("change", "Now I coach everyone on one measurable habit"),
        ),
        traps=(("like", "I would like you to try"), ("you know", "do you know how long")),
        features=("fillers", "numbers"),
    ),
    Answer(
        name="l_unpopular_office",
        question_id="leadership-unpopular-decision",
        description="Director bringing people back to the office two days a week; names the "
        "parts, hesitant, long pause.",
        names_parts=True,
        sections=(
            (S, (
                "The situation was a design studio of about twenty five people that had been "
                "fully remote for two years.",
                "Our juniors were struggling, and we had lost three of them in six months.",
            )),
            (T, (
                "As the studio director, my task was to decide whether to bring people back to "
                "the office, knowing most of the seniors would hate it.",
            )),
            (A, (
                "I talked to everyone one to one first, and I heard a lot of objections, mostly "
                "about commuting.",
                "[2.5] I decided on two fixed days a week, and I explained why, with the exit "
                "interviews of the juniors who had left.",
                "I moved our start time to ten on office days, and I paid for travel on those "
                "days.",
            )),
            (R, (
                "The result was that we didn't lose a single junior in the next year, {um,} though "
                "one senior left over it.",
                "I'd make the same decision, but I learned to share the reasons before the "
                "rule, not after.",
                "Now I share the evidence for any big change a week before I announce it.",
            )),
        ),
        strengths=(
            ("learning", "I learned to share the reasons before the rule"),
            ("change", "Now I share the evidence for any big change"),
        ),
        features=("long_pause", "numbers"),
    ),
    Answer(
        name="l_turnaround_app",
        question_id="leadership-turned-around-project",
        description="Tech lead taking over a late app project; names the parts, run-on, "
        "action after result.",
        names_parts=True,
        sections=(
            (S, (
                "{So} the situation was a mobile banking app that was already four months late "
                "when I took it over, and the previous lead had left, and the team had stopped "
                "believing any date.",
            )),
            (T, (
                "{Uh,} my task was to get a first version to the app stores within three months.",
            )),
            (A, (
                "I spent my first week just listening, and I found the team was trying to build "
                "forty features at once.",
                "I went to the product owner with a list and we cut it to twelve for the first "
                "version.",
            )),
            (R, (
                "{Um,} the result was that we shipped the first version in ten weeks.",
            )),
            (A, (
                "After that I set up a two week release cycle, so that the other features went "
                "out in small pieces instead of waiting for one big release.",
            )),
            (R, (
                "Within six months all forty features were out, and the app rating went from "
                "three stars to four and a half.",
                "I learned that a struggling team usually has too much in flight.",
                "Now the first thing I do on any project is count what's in progress.",
            )),
        ),
        strengths=(
            ("quantified_result", "three stars to four and a half"),
            ("learning", "I learned that a struggling team"),
            ("change", "Now the first thing I do"),
        ),
        traps=(("so", "so that the other features"),),
        features=("run_on", "returns", "numbers"),
    ),
    # ---- names its parts, red flags -------------------------------------------------------
    Answer(
        name="l_flag_solo_hero",
        question_id="leadership-turned-around-project",
        description="Turnaround told as a solo hero with a humble brag; names the parts; no "
        "lesson.",
        names_parts=True,
        sections=(
            (S, (
                "The situation was a data warehouse project that was going nowhere when I joined.",
            )),
            (T, (
                "{Uh,} my task was to get it delivered.",
            )),
            (A, (
                "Honestly, the team before me just didn't have the skills.",
                "I rewrote most of the pipelines myself over a couple of months, and I took over "
                "the reporting layer as well, because it was quicker than explaining it.",
                "I'm a bit of a workaholic, I just can't stop until something is done properly.",
            )),
            (R, (
                "{Um,} the result was that it went live, and the business finally had its reports.",
            )),
        ),
        red_flags=(
            ("blame_shifting", "the team before me just didn't have the skills"),
            ("humble_brag", "I'm a bit of a workaholic"),
            ("no_learning", None),
            ("no_change", None),
        ),
        features=("short",),
    ),
    Answer(
        name="l_flag_we_turnaround",
        question_id="leadership-turned-around-project",
        description="Struggling team turned around, told entirely with 'we'; outside causes.",
        names_parts=True,
        sections=(
            (S, (
                "The situation was that our customer support team had the worst satisfaction "
                "scores in the company.",
            )),
            (T, (
                "{Uh,} we had to get the scores up to eighty percent by the end of the year.",
            )),
            (A, (
                "We redesigned the ticket queues, we wrote new templates, we trained everyone, "
                "and we started a weekly review.",
                "Then the company moved to a new billing system, and we were flooded with "
                "tickets we couldn't control.",
            )),
            (R, (
                "{Um,} the result was that we got to about seventy percent, and we were happy with "
                "that given everything.",
                "We learned a lot as a team.",
            )),
        ),
        red_flags=(
            ("external_factors", "we were flooded with tickets we couldn't control"),
            ("ownership", None),
            ("no_change", None),
        ),
        features=("we_heavy", "numbers"),
    ),
    Answer(
        name="l_flag_command",
        question_id="leadership-unpopular-decision",
        description="Unpopular decision imposed without listening; names the parts, fillers, "
        "blame on the team.",
        names_parts=True,
        sections=(
            (S, (
                "{Uh,} the situation was that my team kept missing deadlines on the monthly "
                "reports.",
            )),
            (T, (
                "My task was to fix it.",
            )),
            (A, (
                "I made everyone start at eight, and I cancelled remote working for the team.",
                "People complained, but, {like,} they were the ones missing the deadlines.",
                "{I mean,} somebody has to make the hard calls.",
            )),
            (R, (
                "The result was the reports came in on time, and two people left.",
                "The rest of the team got the message, and we haven't missed a report since.",
                "That's just what leadership is sometimes.",
            )),
        ),
        red_flags=(
            ("blame_shifting", "they were the ones missing the deadlines"),
            ("no_learning", None),
            ("no_change", None),
        ),
        features=("fillers", "short"),
    ),
    Answer(
        name="l_flag_mentee_blame",
        question_id="leadership-helped-someone-grow",
        description="Mentoring story where the mentee is blamed; names the parts, lesson "
        "without change.",
        names_parts=True,
        sections=(
            (S, (
                "The situation was that I was asked to mentor a graduate on the analytics team.",
            )),
            (T, (
                "My task was to get him ready to run his own projects.",
            )),
            (A, (
                "I gave him a project to run and checked in once a month.",
                "He didn't really take the initiative, and he never came to me with questions.",
                "The workload that year was also crazy, so I didn't have much time anyway.",
            )),
            (R, (
                "The result was that he moved to another team after a year.",
                "I learned that you can't help people who don't want to be helped.",
            )),
        ),
        red_flags=(
            ("blame_shifting", "He didn't really take the initiative"),
            ("external_factors", "The workload that year was also crazy"),
            ("no_change", None),
        ),
        traps=(("so", "so I didn't have much time"),),
        features=("given_task",),
    ),
    # ---- never names its parts, no red flags -----------------------------------------------
    Answer(
        name="l_hackathon",
        question_id="leadership-without-authority",
        description="Developer organising a cross-team hackathon; implicit, numbers, we and I.",
        names_parts=False,
        sections=(
            (S, (
                "A couple of years ago our product teams barely talked to each other, and the "
                "same bugs were being fixed twice in different places.",
            )),
            (T, (
                "I wanted to get people from every team working together for a couple of days, "
                "even though I wasn't anyone's manager.",
            )),
            (A, (
                "I wrote a one page proposal for a two day hackathon and took it to the heads of "
                "engineering.",
                "I asked each team lead to nominate one idea, and I paired people from different "
                "teams on purpose.",
                "I booked the rooms, sorted the food, and ran a short demo session at the end.",
            )),
            (R, (
                "Sixty people took part, and four of the projects went into the product that "
                "year.",
                "The shared bug list we started that week is still used.",
                "I learned that people want to collaborate, they just need an excuse.",
                "I now run one every spring.",
            )),
        ),
        strengths=(
            ("quantified_result", "Sixty people took part"),
            ("learning", "I learned that people want to collaborate"),
            ("change", "I now run one every spring"),
        ),
        features=("numbers",),
    ),
    Answer(
        name="l_apprentice",
        question_id="leadership-helped-someone-grow",
        description="Electrician training an apprentice; implicit, filled pauses, repeat.",
        names_parts=False,
        sections=(
            (S, (
                "I'm an electrician, and a few years ago I took on an apprentice who had, {um,} "
                "left school with no qualifications.",
                "He was keen, but he lacked confidence, and he rushed things to look quick.",
            )),
            (T, (
                "I was responsible for getting him through his first year assessments.",
            )),
            (A, (
                "<I, I> started by letting him watch me for a fortnight, and explaining why, not "
                "just how.",
                "Then I gave him small jobs on his own, {uh,} like fitting sockets, and checked "
                "each one with him afterwards.",
                "When he made a mistake, I asked him to find it himself before I pointed to it.",
            )),
            (R, (
                "He passed his first year assessments with the top mark in his group, and he's "
                "now fully qualified.",
                "I learned that slowing someone down is sometimes the fastest way to teach them.",
                "Now every apprentice I take on spends the first two weeks just watching and "
                "asking.",
            )),
        ),
        strengths=(
            ("learning", "I learned that slowing someone down"),
            ("change", "Now every apprentice I take on"),
        ),
        traps=(("like", "like fitting sockets"),),
        features=("fillers", "repeat"),
    ),
    Answer(
        name="l_store_closing",
        question_id="leadership-unpopular-decision",
        description="Area manager closing a branch; implicit, weighs options, run-on.",
        names_parts=False,
        sections=(
            (S, (
                "I was an area manager for a chain of bakeries, and one of my eight shops had "
                "lost money for two years running, and the lease was up for renewal.",
            )),
            (T, (
                "I had to decide whether to renew it, knowing the staff there had been with us "
                "for years.",
            )),
            (A, (
                "I looked at three options, {uh,} a smaller shop nearby, shorter opening hours, or "
                "closing, and I shared the numbers with the shop's manager.",
                "I decided to close, and I told the staff myself, in person, before anyone else "
                "knew.",
                "I offered every one of them a job in another shop, and I paid for their travel "
                "for six months.",
            )),
            (R, (
                "Five of the six stayed with us, and the area made a profit that year for the "
                "first time in three.",
                "I learned that people can accept bad news if they hear it first and honestly.",
                "I now tell the people affected by a decision before I tell anyone else.",
            )),
        ),
        strengths=(
            ("quantified_result", "Five of the six stayed with us"),
            ("transparency", "I told the staff myself, in person"),
            ("learning", "I learned that people can accept bad news"),
            ("change", "I now tell the people affected"),
        ),
        features=("run_on", "numbers"),
    ),
    Answer(
        name="l_support_backlog",
        question_id="leadership-turned-around-project",
        description="Support manager clearing a backlog; implicit, the team had to get a "
        "figure, we reached X instead of Y, brisk.",
        names_parts=False,
        sections=(
            (S, (
                "When I took over the customer support team at a software company, there were "
                "about three thousand open tickets, some of them months old.",
            )),
            (T, (
                "My director told me the team had to get the backlog under five hundred by the "
                "end of the quarter.",
            )),
            (A, (
                "I sorted the tickets by type, and I found that a third of them were the same "
                "three questions.",
                "I asked two people on the team to write proper help articles for those, and I "
                "closed the old duplicates with a link.",
                "{Um,} I set up a daily fifteen minute huddle to pick the oldest tickets first.",
            )),
            (R, (
                "We reached three hundred instead of five hundred, and new tickets fell by about "
                "a quarter because of the articles.",
                "I learned that a backlog is usually a few problems repeated many times.",
                "Now I group tickets by cause before I do anything else.",
            )),
        ),
        strengths=(
            ("quantified_result", "We reached three hundred instead of five hundred"),
            ("learning", "I learned that a backlog is usually"),
            ("change", "Now I group tickets by cause"),
        ),
        features=("given_task", "numbers"),
    ),
    Answer(
        name="l_research_group",
        question_id="leadership-without-authority",
        description="PhD student leading a reading group; implicit, lexical fillers, traps.",
        names_parts=False,
        sections=(
            (S, (
                "During my PhD, the students in our department barely knew each other's work, "
                "and a lot of us felt, {kind of,} isolated.",
            )),
            (T, (
                "I wanted to start something that would last after I left, without any official "
                "role.",
            )),
            (A, (
                "I started a weekly reading group, and I asked a different student to pick the "
                "paper each week.",
                "{Like,} the rule was simple, one paper, one hour, and whoever picks it brings "
                "the cake.",
                "I kept a shared list so that nobody had to organise anything but their own "
                "week.",
            )),
            (R, (
                "It grew from five people to about twenty, and three papers came out of "
                "conversations in that room.",
                "It still runs, {uh,} four years after I left.",
                "I learned that a group lasts when everyone owns a piece of it.",
                "I now hand out pieces of anything I start from the first week.",
            )),
        ),
        strengths=(
            ("quantified_result", "from five people to about twenty"),
            ("learning", "I learned that a group lasts"),
            ("change", "I now hand out pieces"),
        ),
        traps=(("so", "so that nobody had to"),),
        features=("fillers",),
    ),
    Answer(
        name="l_nurse_student",
        question_id="leadership-helped-someone-grow",
        description="Senior nurse supporting a student nurse; implicit, hesitant, missing "
        "task.",
        names_parts=False,
        sections=(
            (S, (
                "I was mentoring a student nurse on her final placement, and she was close to "
                "failing because she was slow with her medication rounds.",
            )),
            (A, (
                "{Um,} I watched a full round with her and saw that she checked everything three "
                "times because she was afraid of making a mistake.",
                "{Uh,} I showed her how I check once, carefully, using the same order every time.",
                "We practised on quiet shifts first, and I timed her each week so she could see "
                "her own progress.",
            )),
            (R, (
                "She passed the placement, and she joined our ward as a staff nurse the "
                "following year.",
                "I learned that slowness is often fear, and fear needs a method, not pressure.",
                "I now watch a new nurse work before I give any advice.",
            )),
        ),
        strengths=(
            ("learning", "I learned that slowness is often fear"),
            ("change", "I now watch a new nurse work"),
        ),
        traps=(("so", "so she could see"),),
        features=("missing_task",),
    ),
    Answer(
        name="l_price_change",
        question_id="leadership-unpopular-decision",
        description="Founder raising prices for early customers; implicit, filled pauses, "
        "'I mean' filler.",
        names_parts=False,
        sections=(
            (S, (
                "I run a small software business, and our first hundred customers were still on "
                "a price we had set four years earlier.",
                "{Um,} it no longer covered the cost of supporting them.",
            )),
            (T, (
                "I had to raise their prices without losing the customers who had believed in "
                "us first.",
            )),
            (A, (
                "I wrote to each of them personally and explained the numbers.",
                "{I mean,} I showed them exactly what support cost us per customer.",
                "I gave them six months' notice, and I kept a discount for anyone who paid "
                "yearly.",
                "I also called the ten biggest ones myself, {uh,} and listened to their "
                "objections.",
            )),
            (R, (
                "We lost four customers out of a hundred, and revenue from that group went up by "
                "about sixty percent.",
                "I learned that long notice and honest numbers make a hard change acceptable.",
                "Now I review prices every year, so a change is never that big again.",
            )),
        ),
        strengths=(
            ("quantified_result", "We lost four customers out of a hundred"),
            ("learning", "I learned that long notice"),
            ("change", "Now I review prices every year"),
        ),
        traps=(("so", "so a change is never that big"),),
        features=("fillers", "numbers"),
    ),
    Answer(
        name="l_factory_safety",
        question_id="leadership-turned-around-project",
        description="Shift manager turning around a factory safety record; implicit, we and "
        "I, targets with numbers.",
        names_parts=False,
        sections=(
            (S, (
                "I became shift manager at a packaging plant that had had eleven injuries in one "
                "year.",
                "People had stopped reporting near misses, because it only got them in trouble.",
            )),
            (T, (
                "The plant manager asked me to halve the injuries in my first year.",
            )),
            (A, (
                "I started every shift with a five minute safety talk, and I asked the operators "
                "what scared them on the line.",
                "I made near miss reports anonymous and promised nobody would be blamed for "
                "reporting one.",
                "We fixed the top five hazards they named, starting with a guard on the main "
                "cutter.",
            )),
            (R, (
                "Near miss reports went from two a month to about thirty, and injuries dropped "
                "to three that year.",
                "I learned that people report problems when it's safe to speak up.",
                "I now start every new team by asking what scares them about the work.",
            )),
        ),
        strengths=(
            ("quantified_result", "injuries dropped to three that year"),
            ("learning", "I learned that people report problems"),
            ("change", "I now start every new team"),
        ),
        features=("given_task", "numbers"),
    ),
    Answer(
        name="l_charity_board",
        question_id="leadership-without-authority",
        description="Volunteer pushing a charity board to go digital; implicit, run-on, "
        "lexical fillers, trap 'so much'.",
        names_parts=False,
        sections=(
            (S, (
                "I volunteer for a small animal rescue charity, and all of their donations came "
                "through cheques and events, and the board was, {like,} really nervous about "
                "anything online.",
            )),
            (T, (
                "I thought we could raise so much more with online giving, and I wanted to "
                "bring the board round without being pushy.",
            )),
            (A, (
                "I asked two other volunteers to help me run a small trial, one donate button on "
                "our social page for a month.",
                "I reported back at the next board meeting, {um,} with every cost and every "
                "pound we raised.",
                "{You know,} I also offered to train anyone who wanted to learn how it worked.",
            )),
            (R, (
                "The trial raised about two thousand pounds, and the board voted to set up a "
                "proper donation page.",
                "{Uh,} online giving is now a third of what the charity raises.",
                "I learned that a small trial persuades nervous people more than any argument.",
                "I now suggest a trial whenever I want a group to try something new.",
            )),
        ),
        strengths=(
            ("quantified_result", "about two thousand pounds"),
            ("learning", "I learned that a small trial persuades"),
            ("change", "I now suggest a trial"),
        ),
        traps=(("so", "raise so much more"),),
        features=("run_on", "fillers", "numbers"),
    ),
    Answer(
        name="l_designer_growth",
        question_id="leadership-helped-someone-grow",
        description="Design lead helping a designer move into research; implicit, brisk, "
        "short.",
        names_parts=False,
        sections=(
            (S, (
                "A designer on my team told me she was bored and thinking of leaving.",
            )),
            (T, (
                "{Um,} I wanted to find a way for her to grow without losing her.",
            )),
            (A, (
                "{Uh,} I asked what she enjoyed most, and it was talking to users.",
                "I gave her the lead on our next round of user interviews, and I paired her with "
                "our one researcher.",
                "We met every two weeks to talk about what she was learning.",
            )),
            (R, (
                "A year later she moved into a full research role, and she's still with the "
                "company.",
                "I learned that boredom is often a sign someone is ready for more.",
                "Now I ask everyone on my team what they enjoy most, twice a year.",
            )),
        ),
        strengths=(
            ("learning", "I learned that boredom is often a sign"),
            ("change", "Now I ask everyone on my team"),
        ),
        features=("short",),
    ),
    Answer(
        name="l_schedule_change",
        question_id="leadership-unpopular-decision",
        description="School head of year moving parents' evenings online; implicit, result "
        "then action again.",
        names_parts=False,
        sections=(
            (S, (
                "I was head of year at a secondary school, and our parents' evenings ran until "
                "nine at night, and teachers were exhausted.",
            )),
            (T, (
                "I had to decide whether to move them online, which a lot of parents and some "
                "teachers were against.",
            )),
            (A, (
                "I ran one online evening as a trial and sent a survey to every parent "
                "afterwards.",
            )),
            (R, (
                "About seventy percent preferred it, but the parents without good internet "
                "couldn't join.",
            )),
            (A, (
                "So I kept one in person evening a year, and I offered phone calls for anyone "
                "who asked.",
            )),
            (R, (
                "Attendance went up from about sixty percent of families to eighty five.",
                "I learned that the right decision still needs a way in for the people it "
                "leaves out.",
                "Now I plan the exception at the same time as the change.",
            )),
        ),
        strengths=(
            ("quantified_result", "from about sixty percent of families to eighty five"),
            ("learning", "I learned that the right decision"),
            ("change", "Now I plan the exception"),
        ),
        traps=(("so", "So I kept one in person evening"),),
        features=("returns", "numbers"),
    ),
    Answer(
        name="l_logistics_team",
        question_id="leadership-turned-around-project",
        description="Logistics coordinator taking over a failing delivery route; implicit, "
        "filled pauses, long pause.",
        names_parts=False,
        sections=(
            (S, (
                "I took over a delivery team that was, {um,} known as the worst in the depot.",
                "Only about seventy percent of their deliveries arrived on time.",
            )),
            (T, (
                "The depot manager wanted them above ninety five percent within six months.",
            )),
            (A, (
                "I rode along with each driver for a day.",
                "[2.3] The routes had been planned years ago, before a new bypass opened, {uh,} "
                "so the drivers were sitting in traffic every morning.",
                "I replanned the routes with the drivers themselves, because they knew the "
                "roads better than any map.",
            )),
            (R, (
                "We reached ninety seven percent on time within four months.",
                "I learned that the people doing the work usually know the fix already.",
                "Now I ride along before I change anything about a route.",
            )),
        ),
        strengths=(
            ("quantified_result", "We reached ninety seven percent"),
            ("learning", "I learned that the people doing the work"),
            ("change", "Now I ride along"),
        ),
        traps=(("so", "so the drivers were sitting"),),
        features=("given_task", "long_pause", "numbers"),
    ),
    Answer(
        name="l_open_source",
        question_id="leadership-without-authority",
        description="Contributor leading an open source release; implicit, lexical fillers "
        "and trap 'looks like'.",
        names_parts=False,
        sections=(
            (S, (
                "I contribute to an open source library for reading spreadsheets, and the "
                "project hadn't had a release in over a year.",
                "The maintainer was busy, and, {I mean,} people were starting to fork it.",
            )),
            (T, (
                "I offered to coordinate the next release, even though I had no special rights "
                "on the project.",
            )),
            (A, (
                "I went through the two hundred open issues and tagged the ones that blocked a "
                "release.",
                "{Um,} I posted a plan with a date and asked people to pick up one issue each.",
                "I wrote a short page on what a finished change looks like, so reviews went "
                "faster.",
            )),
            (R, (
                "We shipped the release in six weeks with thirty contributors, and the "
                "maintainer made me a co-maintainer.",
                "I learned that a date and a short list get people moving.",
                "I now start every volunteer effort with a public plan and a date.",
            )),
        ),
        strengths=(
            ("quantified_result", "with thirty contributors"),
            ("learning", "I learned that a date and a short list"),
            ("change", "I now start every volunteer effort"),
        ),
        traps=(("like", "a finished change looks like"), ("so", "so reviews went faster")),
        features=("fillers", "numbers"),
    ),
    Answer(
        name="l_intern_program",
        question_id="leadership-helped-someone-grow",
        description="Engineer running an intern program for two interns; implicit, we and I, "
        "run-on.",
        names_parts=False,
        sections=(
            (S, (
                "Last summer I looked after two engineering interns, and one of them was "
                "brilliant but quiet, and the other was loud but struggled with the code.",
            )),
            (T, (
                "I wanted both of them to leave with a project they could show, and ideally an "
                "offer.",
            )),
            (A, (
                "I paired them on one project, so each had something to learn from the other.",
                "I met them together once a week and separately once a week, {uh,} and I gave the "
                "quiet one the demo to run at the end.",
            )),
            (R, (
                "They both got offers, and the quiet one gave the best demo of the whole intern "
                "group.",
                "I learned that pairing opposite strengths helps both people grow.",
                "I now pair new people by what they can teach each other.",
            )),
        ),
        strengths=(
            ("learning", "I learned that pairing opposite strengths"),
            ("change", "I now pair new people"),
        ),
        traps=(("so", "so each had something"),),
        features=("run_on",),
    ),
    Answer(
        name="l_budget_cuts",
        question_id="leadership-unpopular-decision",
        description="Library manager cutting opening hours; implicit, hesitant, filled pauses.",
        names_parts=False,
        sections=(
            (S, (
                "I managed a public library, and our budget was cut by fifteen percent in one "
                "year.",
            )),
            (T, (
                "I had to decide what to cut, and every option was going to upset someone.",
            )),
            (A, (
                "I looked at visitor numbers by hour and found that Monday mornings and late "
                "Thursdays were almost empty.",
                "{Uh,} I proposed closing those times instead of cutting staff or books.",
                "I held two open meetings with library users, and, {um,} I changed the plan "
                "after a group of parents said Thursday evenings were their only time.",
                "<We, we> kept Thursdays and closed on Monday afternoons too.",
            )),
            (R, (
                "We met the budget without losing a single job, and visits held steady that "
                "year.",
                "I learned that the people who use a service know where the real value is.",
                "Now I ask users before I cut anything.",
            )),
        ),
        strengths=(
            ("learning", "I learned that the people who use a service"),
            ("change", "Now I ask users before I cut anything"),
        ),
        features=("fillers", "numbers", "repeat"),
    ),
    # ---- never names its parts, red flags --------------------------------------------------
    Answer(
        name="l_flag_we_launch",
        question_id="leadership-without-authority",
        description="Leading without authority told with 'we', no lesson.",
        names_parts=False,
        sections=(
            (S, (
                "We noticed that our three teams were all building their own login pages.",
            )),
            (T, (
                "{Um,} we wanted to get everyone onto one shared login service.",
            )),
            (A, (
                "{Uh,} we wrote a proposal, we held a few meetings, and we built a first version.",
                "We got two of the three teams to move over.",
                "We also wrote the documentation and ran a couple of training sessions for the "
                "other developers.",
            )),
            (R, (
                "We saved a lot of duplicate work, and the third team joined the next year.",
            )),
        ),
        red_flags=(
            ("ownership", None),
            ("no_learning", None),
            ("no_change", None),
        ),
        features=("we_heavy", "short"),
    ),
    Answer(
        name="l_flag_lazy_team",
        question_id="leadership-turned-around-project",
        description="Turnaround blaming the previous manager and the team; fillers.",
        names_parts=False,
        sections=(
            (S, (
                "{So,} I took over a marketing team that was a mess, because the previous "
                "manager had let everyone do whatever they wanted.",
            )),
            (T, (
                "{Um,} I was told to get campaigns out on time again.",
            )),
            (A, (
                "{Uh,} I brought in daily check ins and made everyone report their hours.",
                "A couple of people were, {like,} just lazy, {you know,} and they didn't like "
                "being watched.",
                "I moved them off the team.",
            )),
            (R, (
                "Campaigns started going out on time.",
                "I learned that some people only work when someone is watching.",
            )),
        ),
        red_flags=(
            ("blame_shifting", "the previous manager had let everyone do whatever they wanted"),
            ("blame_shifting", "just lazy"),
            ("no_change", None),
        ),
        traps=(("like", "they didn't like being watched"),),
        features=("fillers", "short"),
    ),
    Answer(
        name="l_flag_mentor_brag",
        question_id="leadership-helped-someone-grow",
        description="Mentoring answer that is really about the speaker; humble brag, no "
        "lesson.",
        names_parts=False,
        sections=(
            (S, (
                "People always come to me for advice, I think because I'm just naturally a "
                "people person.",
                "Last year a new analyst asked me to mentor her.",
            )),
            (T, (
                "{Um,} she wanted to get better at presenting.",
            )),
            (A, (
                "I let her watch me present to the leadership team a few times, because "
                "presenting is honestly my strength.",
                "{Uh,} I gave her some tips after each one, mostly about how I would have done it.",
                "She also sat in on a couple of my client pitches.",
            )),
            (R, (
                "She got a bit more confident over the year.",
            )),
        ),
        red_flags=(
            ("humble_brag", "I'm just naturally a people person"),
            ("humble_brag", "presenting is honestly my strength"),
            ("no_learning", None),
            ("no_change", None),
        ),
        features=("short",),
    ),
    Answer(
        name="l_flag_economy",
        question_id="leadership-unpopular-decision",
        description="Unpopular decision blamed on the economy and head office; we-heavy.",
        names_parts=False,
        sections=(
            (S, (
                "We had to freeze hiring across the whole department when the economy slowed "
                "down.",
            )),
            (T, (
                "{Um,} we needed to cut costs by ten percent.",
            )),
            (A, (
                "Head office made the decision really, we just had to carry it out.",
                "{Uh,} we told the teams, we stopped the open roles, and we moved people around to "
                "cover the gaps.",
            )),
            (R, (
                "We hit the savings target, but a few people left because of the extra work.",
                "There wasn't really any other option in that market.",
            )),
        ),
        red_flags=(
            ("external_factors", "when the economy slowed down"),
            ("blame_shifting", "Head office made the decision really"),
            ("ownership", None),
            ("no_learning", None),
            ("no_change", None),
        ),
        features=("we_heavy", "numbers"),
    ),
    Answer(
        name="l_flag_project_rescue",
        question_id="leadership-turned-around-project",
        description="Rescue story with blame on the client and no lesson; run-on, filled "
        "pauses.",
        names_parts=False,
        sections=(
            (S, (
                "I was brought in to rescue a website project for a big retail client, and it "
                "was, {um,} three months behind, and the client was changing their mind every "
                "week, and their IT team never gave us the access we needed.",
            )),
            (T, (
                "I needed to get it launched before the holiday season.",
            )),
            (A, (
                "I set up daily calls with the client, {uh,} and I pushed the team to work "
                "weekends.",
                "I chased their IT team every day until we got the access.",
            )),
            (R, (
                "We launched a week before the holidays, with a lot of bugs we fixed in "
                "January.",
            )),
        ),
        red_flags=(
            ("blame_shifting", "the client was changing their mind every week"),
            ("blame_shifting", "their IT team never gave us the access"),
            ("no_learning", None),
            ("no_change", None),
        ),
        features=("run_on", "fillers"),
    ),
    Answer(
        name="l_flag_team_credit",
        question_id="leadership-without-authority",
        description="Leading without authority, taking all the credit; lexical fillers, "
        "we-heavy, no lesson.",
        names_parts=False,
        sections=(
            (S, (
                "{So,} we had no proper process for releases on our team, and every release was, "
                "{you know,} chaos.",
            )),
            (T, (
                "We needed a release checklist that everyone would actually follow.",
            )),
            (A, (
                "We looked at what other teams did, we wrote a checklist, and we tried it on "
                "two releases.",
                "Most of the team didn't bother with it at first, they were honestly too lazy "
                "to read it.",
                "We kept reminding them until it stuck.",
            )),
            (R, (
                "We went from about one broken release a month to none that quarter.",
            )),
        ),
        red_flags=(
            ("blame_shifting", "they were honestly too lazy to read it"),
            ("ownership", None),
            ("no_learning", None),
            ("no_change", None),
        ),
        features=("we_heavy", "fillers"),
    ),
    Answer(
        name="l_charity_run",
        question_id="leadership-without-authority",
        description="Office worker organising a charity run team; implicit, the team had to "
        "get to a figure, we reached X instead of Y, filled pauses.",
        names_parts=False,
        sections=(
            (S, (
                "At my last company there was a charity run every autumn, and only a handful of "
                "people ever took part.",
            )),
            (T, (
                "I offered to get a proper team together, and the goal the charity gave us was "
                "twenty five runners.",
            )),
            (A, (
                "I asked people in the kitchen and at lunch, rather than by email, and I made a "
                "walking group for anyone who didn't want to run.",
                "{Um,} I set up a shared training plan, and every Friday I posted who had done "
                "their runs that week.",
                "I also got the company to match whatever we raised, {uh,} which turned out to "
                "be the thing that got most people in.",
            )),
            (R, (
                "We reached forty people instead of twenty five, and we raised about six "
                "thousand pounds with the matching.",
                "I learned that people sign up when you ask them face to face and make it easy "
                "to say yes.",
                "Now whenever I organise anything at work, I ask people in person first.",
            )),
        ),
        strengths=(
            ("quantified_result", "We reached forty people instead of twenty five"),
            ("learning", "I learned that people sign up"),
            ("change", "Now whenever I organise anything"),
        ),
        features=("given_task", "numbers", "fillers"),
    ),
    Answer(
        name="l_translator_team",
        question_id="leadership-helped-someone-grow",
        description="Translation team lead helping a reviewer become a lead; implicit, no "
        "task part, filled pauses.",
        names_parts=False,
        sections=(
            (S, (
                "I led a small team of translators, and one of our reviewers was very good but "
                "never spoke up in planning.",
                "{Um,} I could tell she had ideas, because she sent them to me privately after "
                "every meeting.",
            )),
            (A, (
                "I asked if she would present her ideas herself, and she said she was afraid of "
                "getting them wrong in front of everyone.",
                "So I gave her one agenda item each week, and we went through it together the "
                "day before.",
                "After a couple of months, {uh,} I asked her to run the whole planning meeting "
                "while I was on holiday.",
            )),
            (R, (
                "She ran it well, and a year later she became a team lead herself.",
                "I learned that some people need a rehearsal, not encouragement.",
                "Now I offer a run through to anyone who is quiet in meetings.",
            )),
        ),
        strengths=(
            ("learning", "I learned that some people need a rehearsal"),
            ("change", "Now I offer a run through"),
        ),
        traps=(("so", "So I gave her one agenda item"),),
        features=("missing_task", "fillers"),
    ),
)
