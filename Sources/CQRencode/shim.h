// Debian's libqrencode (libqrencode-dev): QR code symbols as module matrices.
#include <qrencode.h>
