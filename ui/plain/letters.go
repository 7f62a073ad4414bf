package plain

import (
	"strings"

	"github.com/rebound-coach/rebound/coach"
)

// signer is the name that signs the letters, read from the settings once a
// run and asked for once ever: Enter signs with none, and is not asked
// again. A settings file rebound cannot read is reported, left as it is,
// and the letters go unsigned.
func (p *plain) signer() (string, error) {
	if !p.settingsRead {
		p.settingsRead = true
		p.settings, p.settingsErr = coach.LoadSettings(p.dir)
		if p.settingsErr != nil {
			p.say(coach.Inert(p.settingsErr.Error()) + ". The letter is signed with no name: add yours as you edit it.")
		}
	}
	if p.settingsErr != nil || p.settings.Name != "" || p.settings.NameAsked {
		return p.settings.Name, nil
	}
	p.say("Whose name goes under the letter? Asked once: rebound keeps it in settings.json in your data folder, where you can change it.")
	name, err := p.single("Your name (Enter for none)", "")
	if err != nil {
		return "", err
	}
	p.settings.Name, p.settings.NameAsked = strings.TrimSpace(name), true
	if err := coach.SaveSettings(p.dir, p.settings); err != nil {
		p.say(coach.Inert(err.Error()) + ". Your name signs today's letters all the same.")
	}
	return p.settings.Name, nil
}

// letterOptions are the letters a past session offers: the one nudge while
// its follow-up is due, and a note that only thanks.
func (p *plain) letterOptions(s *coach.Session) []option {
	var opts []option
	if coach.NudgeDue(s, p.env.Now()) {
		opts = append(opts, option{"A nudge: no reply yet", func() error { return p.nudge(s) }})
	}
	return append(opts, option{"A thank-you note, asking nothing", func() error {
		name, err := p.signer()
		if err != nil {
			return err
		}
		p.say("If you would rather not ask for anything, a note that only thanks them is fine too.")
		p.quote(coach.DraftThanks(s, name))
		return nil
	}})
}

// nudge shows the one nudge, and records it once sent.
func (p *plain) nudge(s *coach.Session) error {
	name, err := p.signer()
	if err != nil {
		return err
	}
	p.say("One short nudge is enough; after it, let it go.")
	p.quote(coach.DraftNudge(s, name))
	sent, err := p.ask("Have you sent it? Type y to record it, and rebound stops reminding you [n]:")
	if err != nil {
		return err
	}
	if strings.EqualFold(strings.TrimSpace(sent), "y") {
		now := p.env.Now()
		if s.SetNudged(now.Format(coach.DateLayout), now) {
			p.save(s)
		}
		p.say("Nudge recorded.")
	}
	return nil
}
