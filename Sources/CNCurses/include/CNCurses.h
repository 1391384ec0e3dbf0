/* Thin C shim over ncursesw: the wide-character API, macros as functions, globals as accessors,
 * and signal handlers that restore the terminal. The only C in Proeftuin. */
#ifndef CNCURSES_H
#define CNCURSES_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <ncursesw/curses.h>
#include <wchar.h>

/* Sets the locale from the environment; falls back to C.UTF-8 when the codeset is not UTF-8.
 * Returns 1 when the resulting codeset is UTF-8. */
int pt_setup_locale(void);

/* 1 when both standard input and standard output are terminals. */
int pt_has_terminal(void);

/* Starts curses on stdin/stdout for a terminal type; returns 0 on success, -1 when the type is unknown. */
/* 0 on success; -1 for an unknown TERM; -2 for a terminal that cannot address the cursor (TERM=dumb). */
int pt_start(const char *term, int use_color, int use_mouse);

/* Ends curses mode if active (safe to call twice). */
void pt_stop(void);

/* Installs handlers for INT, TERM, HUP, QUIT and fatal signals that end curses mode, then re-raise. */
void pt_install_signal_handlers(void);

/* While set (1), TERM and HUP end curses mode and are remembered instead of ending the program at once, so it can
   finish work that must not be cut short (the day's backup) and then end itself; a second such signal ends it at once. */
void pt_defer_termination(int on);

/* The TERM or HUP signal remembered while termination was deferred, or 0. */
int pt_deferred_signal(void);

int pt_lines(void);
int pt_cols(void);

/* Returns a colour pair number for foreground/background (-1 = terminal default), allocating on first use;
 * 0 when colours are off or exhausted. */
int pt_pair(int fg, int bg);

/* Sets the attributes for following output: bold, dim, reverse, underline flags and a colour pair. */
void pt_set_style(int bold, int dim, int reverse, int underline, int pair);

/* Writes a UTF-8 string at a position. */
void pt_write(int y, int x, const char *text);

/* Clears the whole screen on the next refresh. */
void pt_clear(void);

/* Shows the cursor at a position, or hides it when y < 0. Then refreshes the screen. */
void pt_refresh(int cursor_y, int cursor_x);

/* Key read result kinds. */
enum { PT_TIMEOUT = 0, PT_CHAR = 1, PT_KEYCODE = 2, PT_MOUSE = 3 };

/* Waits up to timeout_ms for input. On PT_CHAR, *value is a Unicode scalar; on PT_KEYCODE an ncurses KEY_ code;
 * on PT_MOUSE, mouse_x and mouse_y hold the click position. */
int pt_read(int timeout_ms, unsigned int *value, int *mouse_x, int *mouse_y);

#endif
