"""Sharing the knowledge bank between platforms: an open feed out, subscriptions in."""
