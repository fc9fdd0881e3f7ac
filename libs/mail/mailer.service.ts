import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/config';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Sent as the Message-ID header, so a retried email can be recognised as the same one. */
  messageId?: string;
}

/** Sends email over SMTP when SMTP_URL is configured; without it, notifications stay in-app only. */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly logger = new Logger(MailerService.name);
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // A send outlasting half the outbox lease is given up before another dispatcher may take its row over.
    const timeout = config.DELIVERY_LEASE / 2;
    this.transport = config.SMTP_URL
      ? createTransport({ url: config.SMTP_URL, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(mail: Mail): Promise<void> {
    if (!this.transport) return;
    await this.transport.sendMail({ from: this.config.MAIL_FROM, ...mail });
    // Neither the address nor the subject (it names the nominee): the Message-ID finds the delivery.
    this.logger.log(`mail sent${mail.messageId ? ` ${mail.messageId}` : ''}`);
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
