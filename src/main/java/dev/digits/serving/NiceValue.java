package dev.digits.serving;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Lowers the calling thread's CPU priority by raising its nice value, on Linux, where each thread
 * has its own and raising it needs no privilege. Java has no call for it: {@link
 * Thread#setPriority} is ignored on Linux unless the JVM starts with an option that warns on every
 * start when not run as root. So it calls the C library through JNA, which DJL already depends on.
 */
public final class NiceValue {
  /** The lowest priority on the nice scale. */
  public static final int LOWEST = 19;

  /** With {@code who} 0, Linux applies it to the calling thread alone. */
  private static final int PRIO_PROCESS = 0;

  private static final CLibrary LIBC = load();

  private NiceValue() {}

  /** Whether {@link #lowerCurrentThread} can work here: Linux, with its C library reachable. */
  public static boolean isSupported() {
    return LIBC != null;
  }

  /**
   * Moves the calling thread {@code increment} steps down the nice scale, to {@link #LOWEST} at
   * most.
   *
   * @return whether its priority is now that low
   */
  static boolean lowerCurrentThread(int increment) {
    if (increment == 0) {
      return true;
    }
    if (LIBC == null) {
      return false;
    }
    int current = LIBC.getpriority(PRIO_PROCESS, 0);
    return LIBC.setpriority(PRIO_PROCESS, 0, Math.min(LOWEST, current + increment)) == 0;
  }

  private static CLibrary load() {
    if (!Platform.isLinux()) {
      return null;
    }
    try {
      return Native.load("c", CLibrary.class);
    } catch (LinkageError e) {
      return null;
    }
  }

  /** The two calls of the C library used, as JNA binds them. */
  private interface CLibrary extends Library {
    int getpriority(int which, int who);

    int setpriority(int which, int who, int priority);
  }
}
