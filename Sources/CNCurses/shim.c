#include "CNCurses.h"

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <ncursesw/term.h>

static SCREEN *pt_screen = NULL;
static volatile sig_atomic_t pt_active = 0;
static int pt_colors = 0;
static int pt_next_pair = 1;
static short pt_pairs[9][9];

int pt_setup_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL || (strcmp(codeset, "UTF-8") != 0 && strcmp(codeset, "utf8") != 0)) {
        if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) return 0;
        codeset = nl_langinfo(CODESET);
    }
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

/// Ctrl-S and Ctrl-Q are keys of the board, not XON/XOFF: without this the terminal swallows Ctrl-S and freezes output.
/// `endwin` puts back the mode the shell had, flow control included.
static void pt_no_flow_control(void) {
    struct termios mode;
    if (tcgetattr(STDIN_FILENO, &mode) == 0) {
        mode.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
        tcsetattr(STDIN_FILENO, TCSANOW, &mode);
    }
}

int pt_has_terminal(void) { return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO); }

int pt_start(const char *term, int use_color, int use_mouse) {
    pt_screen = newterm(term, stdout, stdin);
    if (pt_screen == NULL) return -1;
    set_term(pt_screen);
    /* A terminal that cannot place the cursor (TERM=dumb, a printer) cannot show a board: refuse instead of drawing
       nothing and quitting as if all went well. */
    const char *cup = tigetstr("cup");
    if (cup == NULL || cup == (char *)-1) {
        endwin();
        delscreen(pt_screen);
        pt_screen = NULL;
        return -2;
    }
    pt_active = 1;
    cbreak();
    pt_no_flow_control();
    noecho();
    nonl();
    /* Ctrl-C and Ctrl-S reach the board as keys (Ctrl-C cancels a form instead of ending the program, Ctrl-S
     * saves): no interrupt character, no XON/XOFF flow control. Other signals (Ctrl-Z, Ctrl-\, kill) work as before,
     * and endwin() restores the terminal's own settings. */
    struct termios settings;
    if (tcgetattr(STDIN_FILENO, &settings) == 0) {
        settings.c_cc[VINTR] = _POSIX_VDISABLE;
        settings.c_iflag &= ~(tcflag_t)IXON;
        if (tcsetattr(STDIN_FILENO, TCSANOW, &settings) == 0) def_prog_mode();
    }
    keypad(stdscr, TRUE);
    set_escdelay(25);
    leaveok(stdscr, FALSE);
    curs_set(0);
    memset(pt_pairs, 0, sizeof pt_pairs);
    pt_next_pair = 1;
    pt_colors = 0;
    if (use_color && has_colors()) {
        start_color();
        use_default_colors();
        pt_colors = 1;
    }
    if (use_mouse) {
        mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED, NULL);
        mouseinterval(0);
    }
    return 0;
}

void pt_stop(void) {
    if (pt_active) {
        pt_active = 0;
        endwin();
        fflush(stdout);
    }
}

static struct sigaction pt_old_actions[NSIG];
static const int pt_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP};

static volatile sig_atomic_t pt_deferring = 0;
static volatile sig_atomic_t pt_remembered = 0;

void pt_defer_termination(int on) { pt_deferring = on; }
int pt_deferred_signal(void) { return pt_remembered; }

static void pt_on_signal(int signal_number) {
    pt_stop();
    sigaction(signal_number, &pt_old_actions[signal_number], NULL);
    if (pt_deferring && (signal_number == SIGTERM || signal_number == SIGHUP) && !pt_remembered) {
        pt_remembered = signal_number;  /* the program ends itself once its work is done */
        return;
    }
    raise(signal_number);
}

void pt_install_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = pt_on_signal;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < sizeof pt_signals / sizeof pt_signals[0]; i++) {
        int number = pt_signals[i];
        struct sigaction current;
        /* A signal the parent asked us to ignore (nohup, background jobs) stays ignored. */
        if (sigaction(number, NULL, &current) == 0 && current.sa_handler == SIG_IGN) continue;
        sigaction(number, &action, &pt_old_actions[number]);
    }
}

int pt_lines(void) { return LINES; }
int pt_cols(void) { return COLS; }

int pt_pair(int fg, int bg) {
    if (!pt_colors) return 0;
    if (fg < -1 || fg > 7 || bg < -1 || bg > 7) return 0;
    if (fg == -1 && bg == -1) return 0;
    short *slot = &pt_pairs[fg + 1][bg + 1];
    if (*slot == 0) {
        if (pt_next_pair >= COLOR_PAIRS) return 0;
        init_pair((short)pt_next_pair, (short)fg, (short)bg);
        *slot = (short)pt_next_pair++;
    }
    return *slot;
}

void pt_set_style(int bold, int dim, int reverse, int underline, int pair) {
    attr_t attrs = A_NORMAL;
    if (bold) attrs |= A_BOLD;
    if (dim) attrs |= A_DIM;
    if (reverse) attrs |= A_REVERSE;
    if (underline) attrs |= A_UNDERLINE;
    wattr_set(stdscr, attrs, (short)pair, NULL);
}

void pt_write(int y, int x, const char *text) { mvwaddstr(stdscr, y, x, text); }

void pt_clear(void) { clearok(stdscr, TRUE); }

void pt_refresh(int cursor_y, int cursor_x) {
    if (cursor_y >= 0) {
        wmove(stdscr, cursor_y, cursor_x);
        curs_set(1);
    } else {
        curs_set(0);
    }
    wrefresh(stdscr);
}

int pt_read(int timeout_ms, unsigned int *value, int *mouse_x, int *mouse_y) {
    wint_t ch = 0;
    wtimeout(stdscr, timeout_ms);
    int result = wget_wch(stdscr, &ch);
    if (result == ERR) return PT_TIMEOUT;
    if (result == KEY_CODE_YES) {
        if (ch == KEY_MOUSE) {
            MEVENT event;
            if (getmouse(&event) == OK && (event.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))) {
                *mouse_x = event.x;
                *mouse_y = event.y;
                return PT_MOUSE;
            }
            return PT_TIMEOUT;
        }
        *value = (unsigned int)ch;
        return PT_KEYCODE;
    }
    *value = (unsigned int)ch;
    return PT_CHAR;
}
